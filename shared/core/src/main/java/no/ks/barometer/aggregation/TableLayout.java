package no.ks.barometer.aggregation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.rules.RulesEngine;

/**
 * The tables of one questionnaire version ({@link Items}) and where an effective answer is counted in them, worked
 * out once so that a recompute only allocates its counts: build one per questionnaire version and reuse it, as the
 * {@link RulesEngine} it holds is. Immutable and safe to share between threads.
 */
public final class TableLayout {
    final Questionnaire questionnaire;
    final RulesEngine engine;
    final List<Item> items;
    /** By question index in questionnaire order: its table, or its first row's table for a grid; -1 for text. */
    final int[] firstItem;
    /** By question index: the option or row codes in ascending order, and beside them the category or row offset. */
    final int[][] codes;
    final int[][] offsets;
    /** By table: one plus its number of categories, the cells per atom. */
    final int[] widths;
    /** By table and category: the organisation types that can be counted in it, as bits by ordinal. */
    final int[][] categoryTypes;
    /** By table: its category codes. */
    final String[][] categoryCodes;

    public TableLayout(RulesEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.questionnaire = engine.questionnaire();
        this.items = List.copyOf(Items.of(questionnaire));
        this.widths = new int[items.size()];
        this.categoryTypes = new int[items.size()][];
        this.categoryCodes = new String[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            List<Category> categories = items.get(i).categories();
            widths[i] = 1 + categories.size();
            categoryTypes[i] = new int[categories.size()];
            categoryCodes[i] = new String[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                categoryTypes[i][c] = bits(categories.get(c).orgTypes());
                categoryCodes[i][c] = categories.get(c).code();
            }
        }
        List<Question> questions = questionnaire.questions();
        this.firstItem = new int[questions.size()];
        this.codes = new int[questions.size()][];
        this.offsets = new int[questions.size()][];
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            firstItem[q] = firstItem(question.id());
            if (firstItem[q] < 0) {
                continue;
            }
            Item first = items.get(firstItem[q]);
            int size = first.row() != null ? question.rows().size() : first.categories().size();
            long[] pairs = new long[size];
            for (int i = 0; i < size; i++) {
                int code = first.row() != null ? question.rows().get(i).code()
                        : Integer.parseInt(first.categories().get(i).code());
                pairs[i] = ((long) code << 32) | i;
            }
            Arrays.sort(pairs);
            codes[q] = new int[size];
            offsets[q] = new int[size];
            for (int i = 0; i < size; i++) {
                codes[q][i] = (int) (pairs[i] >> 32);
                offsets[q][i] = (int) pairs[i];
            }
        }
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    private static int bits(Set<OrgType> types) {
        int bits = 0;
        for (OrgType type : types) {
            bits |= 1 << type.ordinal();
        }
        return bits;
    }

    private int firstItem(String questionId) {
        for (int i = 0; i < items.size(); i++) {
            if (questionId.equals(items.get(i).question())) {
                return i;
            }
        }
        return -1;
    }
}
