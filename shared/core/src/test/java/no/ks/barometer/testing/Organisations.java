package no.ks.barometer.testing;

import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;

import java.util.ArrayList;
import java.util.List;

/** Recipients for tests; e-mail addresses under RFC 2606's .example only. */
public final class Organisations {

    private Organisations() {
    }

    public static Organisation halden() {
        return new Organisation("3101", "Halden", OrgType.KOMMUNE, "31", "Østfold", 31_444, Maalform.BOKMAAL,
                List.of("postmottak@halden.kommune.example"));
    }

    public static Organisation oestfold() {
        return new Organisation("31", "Østfold fylkeskommune", OrgType.FYLKESKOMMUNE, "31", "Østfold", 311_000,
                Maalform.NOEYTRAL, List.of("postmottak@ostfoldfk.example"));
    }

    /** {@code count} made-up kommuner numbered from {@code first}, for tests that need many. */
    public static List<Organisation> kommuner(int first, int count) {
        List<Organisation> all = new ArrayList<>(count);
        for (int number = first; number < first + count; number++) {
            all.add(new Organisation(String.format("%04d", number), "Testkommune " + number, OrgType.KOMMUNE,
                    "46", "Vestland", 1_000 + number, number % 2 == 0 ? Maalform.NYNORSK : Maalform.BOKMAAL,
                    List.of("postmottak@k" + number + ".kommune.example")));
        }
        return all;
    }
}
