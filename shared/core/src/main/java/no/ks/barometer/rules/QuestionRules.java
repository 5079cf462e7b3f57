package no.ks.barometer.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import no.ks.barometer.questionnaire.EndReason;
import no.ks.barometer.questionnaire.GridColumn;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Limits;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.QuestionType;

/** One question's rules, prepared once per questionnaire so that checking an answer needs no lookup by id. */
final class QuestionRules {
    private static final int ORG_TYPES = OrgType.values().length;

    final int index;
    final int page;
    final Question question;
    final String id;
    final QuestionType type;
    final boolean required;
    /** Null when the question is always visible. */
    final CompiledCondition condition;

    final Option[] options;
    private final int[] sortedOptionCodes;
    private final int[] optionAtSorted;
    /** By organisation type, then option index; carry-forward comes on top of this. */
    private final boolean[][] offeredTo;
    /** The question whose choices are carried forward, or -1. */
    final int carrySource;
    /** By option index: offered only if chosen in {@link #carrySource}. */
    private final boolean[] carried;
    final int maxChoices;
    /** The option that asks for an other text, or -1. */
    final int otherOption;
    /** By option index; null when no option of this question ends the survey. */
    private final EndReason[] endsSurvey;

    final GridRow[] rows;
    private final int[] sortedRowCodes;
    private final int[] rowAtSorted;
    private final boolean[][] shownTo;
    private final String[] columnCodes;

    final String requiredMessage;
    final String tooManyChoicesMessage;
    final String otherTextMissingMessage;
    final String otherTextNotAllowedMessage;
    final String otherTextTooLongMessage;
    final String textTooLongMessage;

    QuestionRules(int index, int page, Question question, Map<String, Integer> questionIndex, Limits limits) {
        this.index = index;
        this.page = page;
        this.question = question;
        this.id = question.id();
        this.type = question.type();
        this.required = question.required();
        this.condition = question.visibleWhen().map(c -> CompiledCondition.compile(c, questionIndex)).orElse(null);

        List<Option> optionList = question.options();
        this.options = optionList.toArray(Option[]::new);
        this.optionAtSorted = sortedPositions(options.length, i -> options[i].code());
        this.sortedOptionCodes = Arrays.stream(optionAtSorted).map(i -> options[i].code()).toArray();
        this.offeredTo = new boolean[ORG_TYPES][options.length];
        this.carried = new boolean[options.length];
        int other = -1;
        EndReason[] ends = null;
        for (int i = 0; i < options.length; i++) {
            for (OrgType orgType : OrgType.values()) {
                offeredTo[orgType.ordinal()][i] = options[i].offeredTo(orgType);
            }
            if (options[i].other()) {
                other = i;
            }
            if (options[i].endsSurvey().isPresent()) {
                ends = ends == null ? new EndReason[options.length] : ends;
                ends[i] = options[i].endsSurvey().get();
            }
        }
        this.otherOption = other;
        this.endsSurvey = ends;
        this.carrySource = question.carryForward().map(cf -> questionIndex.get(cf.question())).orElse(-1);
        question.carryForward().ifPresent(cf -> cf.codes().forEach(code -> {
            int option = optionIndex(code);
            if (option >= 0) {
                carried[option] = true;
            }
        }));
        this.maxChoices = type == QuestionType.SINGLE ? 1 : question.maxChoices().orElse(Integer.MAX_VALUE);

        this.rows = question.rows().toArray(GridRow[]::new);
        this.rowAtSorted = sortedPositions(rows.length, i -> rows[i].code());
        this.sortedRowCodes = Arrays.stream(rowAtSorted).map(i -> rows[i].code()).toArray();
        this.shownTo = new boolean[ORG_TYPES][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (OrgType orgType : OrgType.values()) {
                shownTo[orgType.ordinal()][i] = rows[i].shownTo(orgType);
            }
        }
        this.columnCodes = question.columns().stream().map(GridColumn::code).toArray(String[]::new);

        this.requiredMessage = Messages.required(type);
        this.tooManyChoicesMessage = Messages.tooManyChoices(maxChoices);
        this.otherTextMissingMessage = other < 0 ? null : Messages.otherTextMissing(options[other]);
        this.otherTextNotAllowedMessage = Messages.otherTextNotAllowed(other < 0 ? null : options[other]);
        this.otherTextTooLongMessage = Messages.otherTextTooLong(limits.otherMaxLength());
        this.textTooLongMessage = Messages.textTooLong(limits.textMaxLength());
    }

    private interface CodeOf {
        int code(int position);
    }

    private static int[] sortedPositions(int size, CodeOf codeOf) {
        return IntStream.range(0, size).boxed()
                .sorted(Comparator.comparingInt(codeOf::code))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The option's position in {@link #options}, or -1 when the question has no option with that code. */
    int optionIndex(int code) {
        int found = Arrays.binarySearch(sortedOptionCodes, code);
        return found < 0 ? -1 : optionAtSorted[found];
    }

    int rowIndex(int code) {
        int found = Arrays.binarySearch(sortedRowCodes, code);
        return found < 0 ? -1 : rowAtSorted[found];
    }

    boolean hasColumn(String code) {
        for (String column : columnCodes) {
            if (column.equals(code)) {
                return true;
            }
        }
        return false;
    }

    boolean rowShown(int orgType, int row) {
        return shownTo[orgType][row];
    }

    /** Offered to the organisation type, and chosen in the carry-forward source when it is carried forward. */
    boolean offered(int orgType, int option, Answer[] effective) {
        if (!offeredTo[orgType][option]) {
            return false;
        }
        return !carried[option] || chosen(effective[carrySource], options[option].code());
    }

    /** The answer without the carried-forward options no longer chosen in the source; null when nothing is left. */
    Answer withoutWithdrawnChoices(Answer answer, Answer[] effective) {
        if (carrySource < 0) {
            return answer;
        }
        Answer source = effective[carrySource];
        if (answer instanceof SingleChoice single) {
            return withdrawn(single.code(), source) ? null : single;
        }
        if (answer instanceof MultipleChoice multiple) {
            List<Integer> codes = multiple.codes();
            int kept = 0;
            for (int i = 0; i < codes.size(); i++) {
                if (!withdrawn(codes.get(i), source)) {
                    kept++;
                }
            }
            if (kept == codes.size()) {
                return multiple;
            }
            if (kept == 0) {
                return null;
            }
            Integer[] keptCodes = new Integer[kept];
            boolean otherKept = false;
            int next = 0;
            for (int i = 0; i < codes.size(); i++) {
                int code = codes.get(i);
                if (!withdrawn(code, source)) {
                    keptCodes[next++] = code;
                    otherKept |= otherOption >= 0 && options[otherOption].code() == code;
                }
            }
            return new MultipleChoice(List.of(keptCodes), otherKept ? multiple.other() : null);
        }
        return answer;
    }

    private boolean withdrawn(int code, Answer source) {
        int option = optionIndex(code);
        return option >= 0 && carried[option] && !chosen(source, code);
    }

    private static boolean chosen(Answer answer, int code) {
        if (answer instanceof MultipleChoice multiple) {
            return multiple.contains(code);
        }
        return answer instanceof SingleChoice single && single.code() == code;
    }

    /** The ending the answer chooses, or null. */
    EndReason ending(int orgType, Answer answer) {
        if (endsSurvey == null || !(answer instanceof SingleChoice single)) {
            return null;
        }
        int option = optionIndex(single.code());
        return option >= 0 && offeredTo[orgType][option] ? endsSurvey[option] : null;
    }

    /** Answered as far as a required question needs: a choice, a text, or every shown row of a grid. */
    boolean complete(int orgType, Answer answer) {
        if (answer == null) {
            return false;
        }
        if (answer instanceof MultipleChoice multiple) {
            return !multiple.codes().isEmpty();
        }
        if (answer instanceof GridAnswer grid && type == QuestionType.GRID) {
            for (int row = 0; row < rows.length; row++) {
                if (shownTo[orgType][row] && !grid.rows().containsKey(rows[row].code())) {
                    return false;
                }
            }
        }
        return true;
    }
}
