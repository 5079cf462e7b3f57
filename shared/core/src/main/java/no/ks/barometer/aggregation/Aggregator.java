package no.ks.barometer.aggregation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import no.ks.barometer.questionnaire.OrgType;
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

    private final TableLayout layout;
    private final long[] invited = new long[Atoms.COUNT];
    private final long[][] cells;

    public Aggregator(TableLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.cells = new long[layout.items.size()][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new long[Atoms.COUNT * layout.widths[i]];
        }
    }

    public void accept(ResponseRecord response) {
        int atom = Atoms.of(response.organisation());
        int status = switch (response.status()) {
            case COMPLETED -> COMPLETED;
            case DECLINED -> DECLINED;
            case WRONG_RECIPIENT -> WRONG_RECIPIENT;
            default -> -1;
        };
        int version = layout.questionnaire.version();
        if (status == COMPLETED && !Integer.valueOf(version).equals(response.questionnaireVersion())) {
            throw new IllegalArgumentException("The response of " + response.organisation().number()
                    + " is pinned to version " + response.questionnaireVersion() + ", not " + version
                    + ": a snapshot covers one questionnaire version");
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
        return new Counts(layout.questionnaire.id(), layout.questionnaire.version(), layout.items, invited, cells);
    }

    private void countAnswers(int atom, ResponseRecord response) {
        OrgType type = response.organisation().type();
        List<Answer> answers = layout.engine.effectiveAnswers(type, response.answers());
        for (int q = 0; q < answers.size(); q++) {
            Answer answer = answers.get(q);
            int item = layout.firstItem[q];
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
                        if (!chosenBefore(chosen, i, code)) {
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

    /** A code given twice is counted once. */
    private static boolean chosenBefore(List<Integer> chosen, int end, int code) {
        for (int i = 0; i < end; i++) {
            if (chosen.get(i) == code) {
                return true;
            }
        }
        return false;
    }

    /** Counts a choice of an option offered to the organisation's type. */
    private boolean countChoice(int question, int item, int atom, OrgType type, int code) {
        int at = Arrays.binarySearch(layout.codes[question], code);
        if (at < 0) {
            return false;
        }
        int category = layout.offsets[question][at];
        if ((layout.categoryTypes[item][category] & 1 << type.ordinal()) == 0) {
            return false;
        }
        add(item, atom, category);
        return true;
    }

    private void countGrid(int question, int first, int atom, OrgType type, GridAnswer grid) {
        grid.rows().forEach((row, column) -> {
            int at = Arrays.binarySearch(layout.codes[question], row);
            if (at < 0) {
                return;
            }
            int item = first + layout.offsets[question][at];
            int category = category(item, column);
            if (category >= 0 && (layout.categoryTypes[item][category] & 1 << type.ordinal()) != 0) {
                add(item, atom, category);
                addBase(item, atom);
            }
        });
    }

    private int category(int item, String code) {
        String[] codes = layout.categoryCodes[item];
        for (int c = 0; c < codes.length; c++) {
            if (codes[c].equals(code)) {
                return c;
            }
        }
        return -1;
    }

    private void addBase(int item, int atom) {
        cells[item][atom * layout.widths[item]]++;
    }

    private void add(int item, int atom, int category) {
        cells[item][atom * layout.widths[item] + 1 + category]++;
    }
}
