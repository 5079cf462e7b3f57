package no.ks.barometer.aggregation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import no.ks.barometer.questionnaire.OrgType;

/**
 * What a table counts: an option, a grid column or a response status.
 *
 * @param code     the option's code, the column's letter, or the status's name
 * @param dontKnow a "Vet ikke" answer, which readers should see as such and not as an opinion
 * @param orgTypes the organisation types that can be counted in it; for the others it is zero by definition
 */
public record Category(String code, String text, boolean dontKnow, Set<OrgType> orgTypes) {
    private static final String DONT_KNOW = "vet ikke";

    public Category {
        orgTypes = Collections.unmodifiableSet(
                orgTypes.isEmpty() ? EnumSet.noneOf(OrgType.class) : EnumSet.copyOf(orgTypes));
    }

    /** A category named as the questionnaire names it; "Vet ikke" is recognised by its text. */
    static Category of(String code, String text, Set<OrgType> orgTypes) {
        return new Category(code, text, text.strip().toLowerCase(Locale.ROOT).startsWith(DONT_KNOW), orgTypes);
    }
}
