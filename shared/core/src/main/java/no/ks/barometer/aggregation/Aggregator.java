package no.ks.barometer.aggregation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SingleChoice;

/**
 * Counts responses one at a time, for one questionnaire version: every invited organisation's status, and for a
 * completed response the answers the rules engine says count ({@link RulesEngine#effectiveAnswers}): a hidden
 * question's stored answer is not counted, nor a carried-forward choice withdrawn since, nor an option or grid row
 * not offered to the organisation's type. Memory is the counts per atom, table and category; it does not grow with
 * the number of responses. Not thread-safe.
 */
public final class Aggregator {
    private static final int COMPLETED = 0;
    private static final int DECLINED = 1;
    private static final int WRONG_RECIPIENT = 2;

    private final Questionnaire questionnaire;
    private final RulesEngine engine;
    private final List<Item> items;
    /** By question index in questionnaire order: its table, or its first row's table for a grid; -1 for text. */
    private final int[] firstItem;
    /** By question index: the option or row codes in ascending order, and beside them the category or row offset. */
    private final int[][] codes;
    private final int[][] offsets;
    /** By table: one plus its number of categories, the cells per atom. */
    private final int[] widths;
    /** By table and category: the organisation types that can be counted in it, as bits by ordinal. */
    private final int[][] categoryTypes;
    /** By table: its category codes. */
    private final String[][] categoryCodes;
    private final long[] invited = new long[Atoms.COUNT];
    private final long[][] cells;

    public Aggregator(RulesEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.questionnaire = engine.questionnaire();
        this.items = Items.of(questionnaire);
        this.cells = new long[items.size()][];
        this.widths = new int[items.size()];
        this.categoryTypes = new int[items.size()][];
        this.categoryCodes = new String[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            List<Category> categories = items.get(i).categories();
            widths[i] = 1 + categories.size();
            cells[i] = new long[Atoms.COUNT * widths[i]];
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

    public void accept(ResponseRecord response) {
        int atom = Atoms.of(response.organisation());
        int status = switch (response.status()) {
            case COMPLETED -> COMPLETED;
            case DECLINED -> DECLINED;
            case WRONG_RECIPIENT -> WRONG_RECIPIENT;
            default -> -1;
        };
        if (status == COMPLETED && !Integer.valueOf(questionnaire.version()).equals(response.questionnaireVersion())) {
            throw new IllegalArgumentException("The response of " + response.organisation().number()
                    + " is pinned to version " + response.questionnaireVersion() + ", not "
                    + questionnaire.version() + ": a snapshot covers one questionnaire version");
        }
        invited[atom]++;
        if (status < 0) {
            return;
        }
        add(0, atom, status);
        addBase(0, atom);
        if (response.status() == ResponseStatus.COMPLETED) {
            countAnswers(atom, response);
        }
    }

    /** The counts so far. */
    public Counts counts() {
        return new Counts(questionnaire.id(), questionnaire.version(), items, invited, cells);
    }

    private void countAnswers(int atom, ResponseRecord response) {
        OrgType type = response.organisation().type();
        List<Answer> answers = engine.effectiveAnswers(type, response.state());
        for (int q = 0; q < answers.size(); q++) {
            Answer answer = answers.get(q);
            int item = firstItem[q];
            if (answer == null || item < 0) {
                continue;
            }
            switch (answer) {
                case SingleChoice single -> {
                    if (countChoice(q, item, atom, type, single.code())) {
                        addBase(item, atom);
                    }
                }
                case MultipleChoice multiple -> {
                    boolean counted = false;
                    List<Integer> chosen = multiple.codes();
                    for (int i = 0; i < chosen.size(); i++) {
                        int code = chosen.get(i);
                        if (chosen.indexOf(code) == i) {
                            counted |= countChoice(q, item, atom, type, code);
                        }
                    }
                    if (counted) {
                        addBase(item, atom);
                    }
                }
                case GridAnswer grid -> countGrid(q, item, atom, type, grid);
                default -> {
                }
            }
        }
    }

    /** Counts a choice of an option offered to the organisation's type. */
    private boolean countChoice(int question, int item, int atom, OrgType type, int code) {
        int at = Arrays.binarySearch(codes[question], code);
        if (at < 0) {
            return false;
        }
        int category = offsets[question][at];
        if ((categoryTypes[item][category] & 1 << type.ordinal()) == 0) {
            return false;
        }
        add(item, atom, category);
        return true;
    }

    private void countGrid(int question, int first, int atom, OrgType type, GridAnswer grid) {
        for (var entry : grid.rows().entrySet()) {
            int at = Arrays.binarySearch(codes[question], entry.getKey());
            if (at < 0) {
                continue;
            }
            int item = first + offsets[question][at];
            int category = category(item, entry.getValue());
            if (category >= 0 && (categoryTypes[item][category] & 1 << type.ordinal()) != 0) {
                add(item, atom, category);
                addBase(item, atom);
            }
        }
    }

    private int category(int item, String code) {
        String[] codes = categoryCodes[item];
        for (int c = 0; c < codes.length; c++) {
            if (codes[c].equals(code)) {
                return c;
            }
        }
        return -1;
    }

    private void addBase(int item, int atom) {
        cells[item][atom * widths[item]]++;
    }

    private void add(int item, int atom, int category) {
        cells[item][atom * widths[item] + 1 + category]++;
    }
}
