package no.ks.barometer.questionnaire;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

final class OrgTypes {
    private OrgTypes() {
    }

    static Set<OrgType> copy(Set<OrgType> orgTypes) {
        return Collections.unmodifiableSet(
                orgTypes.isEmpty() ? EnumSet.noneOf(OrgType.class) : EnumSet.copyOf(orgTypes));
    }
}
