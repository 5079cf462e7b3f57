package no.ks.barometer.aggregation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SingleChoice;
import no.ks.barometer.rules.Visibility;
import no.ks.barometer.rules.VisiblePage;
import no.ks.barometer.rules.VisibleQuestion;

/**
 * Counts responses one at a time, for one questionnaire version: every invited organisation's status, and for a
 * completed response every question it was shown and answered (a hidden question's stored answer is not counted;
 * an option counts only where it was offered, so a carried-forward choice withdrawn later is not counted). Memory
 * is the counts per atom, table and category; it does not grow with the number of responses. Not thread-safe.
 */
public final class Aggregator {
    private static final int COMPLETED = 0;
    private static final int DECLINED = 1;
    private static final int WRONG_RECIPIENT = 2;

    private final Questionnaire questionnaire;
    private final RulesEngine engine;
    private final List<Item> items;
    /** By question id: the index of its table, or of its first row's table for a grid. */
    private final Map<String, Integer> firstItem = new HashMap<>();
    private final long[] invited = new long[Atoms.COUNT];
    private final long[][] cells;

    public Aggregator(RulesEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.questionnaire = engine.questionnaire();
        this.items = Items.of(questionnaire);
        this.cells = new long[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            cells[i] = new long[Atoms.COUNT * (1 + item.categories().size())];
            if (item.question() != null) {
                firstItem.putIfAbsent(item.question(), i);
            }
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
        Visibility visibility = engine.visibility(response.organisation().type(), response.state());
        Map<String, Answer> answers = response.state().answers();
        for (VisiblePage page : visibility.pages()) {
            for (VisibleQuestion visible : page.questions()) {
                Question question = visible.question();
                Integer item = firstItem.get(question.id());
                Answer answer = answers.get(question.id());
                if (item == null || answer == null) {
                    continue;
                }
                switch (answer) {
                    case SingleChoice single -> countChoice(item, atom, visible, single.code(), true);
                    case MultipleChoice multiple -> {
                        boolean counted = false;
                        List<Integer> codes = multiple.codes();
                        for (int i = 0; i < codes.size(); i++) {
                            int code = codes.get(i);
                            if (codes.indexOf(code) == i) {
                                counted |= countChoice(item, atom, visible, code, false);
                            }
                        }
                        if (counted) {
                            addBase(item, atom);
                        }
                    }
                    case GridAnswer grid -> countGrid(item, atom, visible, grid);
                    default -> {
                    }
                }
            }
        }
    }

    /** Counts a choice if it was offered; a single choice counts its base with it. */
    private boolean countChoice(int item, int atom, VisibleQuestion visible, int code, boolean withBase) {
        if (!offered(visible, code)) {
            return false;
        }
        int category = items.get(item).categoryIndex(String.valueOf(code));
        if (category < 0) {
            return false;
        }
        add(item, atom, category);
        if (withBase) {
            addBase(item, atom);
        }
        return true;
    }

    private void countGrid(int first, int atom, VisibleQuestion visible, GridAnswer grid) {
        List<GridRow> rows = visible.question().rows();
        for (GridRow shown : visible.rows()) {
            String column = grid.rows().get(shown.code());
            if (column == null) {
                continue;
            }
            int item = first + rows.indexOf(shown);
            int category = items.get(item).categoryIndex(column);
            if (category >= 0) {
                add(item, atom, category);
                addBase(item, atom);
            }
        }
    }

    private void addBase(int item, int atom) {
        cells[item][atom * (1 + items.get(item).categories().size())]++;
    }

    private void add(int item, int atom, int category) {
        cells[item][atom * (1 + items.get(item).categories().size()) + 1 + category]++;
    }

    private static boolean offered(VisibleQuestion visible, int code) {
        for (Option option : visible.options()) {
            if (option.code() == code) {
                return true;
            }
        }
        return false;
    }
}
