package no.ks.barometer.aggregation;

import java.util.Locale;
import no.ks.barometer.questionnaire.OrgType;

/** The groups a snapshot gives figures for: every one is a union of {@link Atoms}. */
public enum Segment {
    ALL("alle", "Alle", null),
    KOMMUNE("kommune", "Kommuner", OrgType.KOMMUNE),
    FYLKESKOMMUNE("fylkeskommune", "Fylkeskommuner", OrgType.FYLKESKOMMUNE),
    KOMMUNE_UNDER_5000(SizeGroup.UNDER_5000),
    KOMMUNE_5000_19999(SizeGroup.FROM_5000),
    KOMMUNE_20000_49999(SizeGroup.FROM_20000),
    KOMMUNE_50000_AND_OVER(SizeGroup.FROM_50000),
    OESTLANDET(Landsdel.OESTLANDET),
    SOERLANDET(Landsdel.SOERLANDET),
    VESTLANDET(Landsdel.VESTLANDET),
    TROENDELAG(Landsdel.TROENDELAG),
    NORD_NORGE(Landsdel.NORD_NORGE);

    private final String code;
    private final String label;
    private final OrgType orgType;
    private final SizeGroup sizeGroup;
    private final Landsdel landsdel;
    private final boolean[] atoms = new boolean[Atoms.COUNT];

    Segment(String code, String label, OrgType orgType) {
        this(code, label, orgType, null, null);
    }

    Segment(SizeGroup sizeGroup) {
        this("kommune-" + sizeGroup.code(), "Kommuner, " + sizeGroup.label().toLowerCase(Locale.ROOT),
                OrgType.KOMMUNE, sizeGroup, null);
    }

    Segment(Landsdel landsdel) {
        this("landsdel-" + landsdel.code(), landsdel.label(), null, null, landsdel);
    }

    Segment(String code, String label, OrgType orgType, SizeGroup sizeGroup, Landsdel landsdel) {
        this.code = code;
        this.label = label;
        this.orgType = orgType;
        this.sizeGroup = sizeGroup;
        this.landsdel = landsdel;
        for (int atom = 0; atom < Atoms.COUNT; atom++) {
            atoms[atom] = holds(atom);
        }
    }

    private boolean holds(int atom) {
        OrgType type = Atoms.orgType(atom);
        return (orgType == null || type == orgType)
                && (sizeGroup == null || Atoms.sizeGroup(atom) == sizeGroup)
                && (landsdel == null || Atoms.landsdel(atom) == landsdel);
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    boolean contains(int atom) {
        return atoms[atom];
    }
}
