package no.ks.barometer.questionnaire;

import java.util.Set;

/** A row of a grid, shown to the organisation types in {@code orgTypes}. */
public record GridRow(int code, String text, Set<OrgType> orgTypes) {
    public GridRow {
        orgTypes = OrgTypes.copy(orgTypes);
    }

    public boolean shownTo(OrgType orgType) {
        return orgTypes.contains(orgType);
    }
}
