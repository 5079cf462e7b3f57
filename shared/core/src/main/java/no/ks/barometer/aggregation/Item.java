package no.ks.barometer.aggregation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.ks.barometer.questionnaire.OrgType;

/**
 * One table of a snapshot: the invited organisations' participation, a single or multiple question, or one row of
 * a grid. Its base and category counts are kept per atom.
 *
 * @param key         {@code participation}, the question id, or {@code <question id>#<row code>}
 * @param question    the question id, or null for participation
 * @param row         the grid row's code, or null
 * @param text        the question's (or the row's) text
 * @param perChoice   a multiple question: a respondent may be counted in several categories, so the base is
 *                    counted on its own and is not the sum of the categories
 * @param baseTypes   the organisation types the question can be shown to
 */
public record Item(String key, String question, Integer row, String text, boolean perChoice, Set<OrgType> baseTypes,
                   List<Category> categories) {
    public Item {
        baseTypes = Collections.unmodifiableSet(
                baseTypes.isEmpty() ? EnumSet.noneOf(OrgType.class) : EnumSet.copyOf(baseTypes));
        categories = List.copyOf(categories);
    }

    static final String PARTICIPATION = "participation";
}
