package no.ks.barometer.aggregation;

import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;

/**
 * The finest groups every segment is a union of: a kommune's size group and landsdel, or a fylkeskommune's
 * landsdel. Counts are kept per atom, so that every segment's figure is a sum of atoms and memory does not grow
 * with the number of responses.
 */
final class Atoms {
    private static final int SIZES = SizeGroup.values().length;
    private static final int LANDSDELER = Landsdel.values().length;
    /** Kommune atoms first (size group major), then one fylkeskommune atom per landsdel. */
    static final int COUNT = SIZES * LANDSDELER + LANDSDELER;

    private Atoms() {
    }

    static int of(Organisation organisation) {
        Landsdel landsdel = Landsdel.ofCounty(organisation.countyNumber());
        return organisation.type() == OrgType.KOMMUNE
                ? kommune(SizeGroup.of(organisation.population()), landsdel)
                : fylkeskommune(landsdel);
    }

    static int kommune(SizeGroup size, Landsdel landsdel) {
        return size.ordinal() * LANDSDELER + landsdel.ordinal();
    }

    static int fylkeskommune(Landsdel landsdel) {
        return SIZES * LANDSDELER + landsdel.ordinal();
    }

    static OrgType orgType(int atom) {
        return atom < SIZES * LANDSDELER ? OrgType.KOMMUNE : OrgType.FYLKESKOMMUNE;
    }

    static Landsdel landsdel(int atom) {
        return Landsdel.values()[atom % LANDSDELER];
    }

    /** The size group of a kommune atom; a fylkeskommune atom has none. */
    static SizeGroup sizeGroup(int atom) {
        if (orgType(atom) != OrgType.KOMMUNE) {
            throw new IllegalArgumentException("A fylkeskommune has no size group");
        }
        return SizeGroup.values()[atom / LANDSDELER];
    }
}
