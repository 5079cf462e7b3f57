package no.ks.barometer.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Limits;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Page;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;

/**
 * The rules of docs/questionnaire-format.md for one questionnaire: visibility, routing, validation, hidden-answer
 * removal and completion. Everything a call needs is prepared in the constructor; an instance is immutable and
 * safe to share between threads. Expects a linted questionnaire.
 */
public final class RulesEngine {
    private final Questionnaire questionnaire;
    private final Limits limits;
    private final QuestionRules[] questions;
    private final Map<String, QuestionRules> questionsById = new HashMap<>();
    private final Page[] pages;
    private final Map<String, Integer> pageIndex = new HashMap<>();
    /** By page index: the first question index and one past the last. */
    private final int[] pageStart;
    private final int[] pageEnd;

    public RulesEngine(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        this.limits = questionnaire.limits();
        this.pages = questionnaire.pages().toArray(Page[]::new);
        Map<String, Integer> questionIndex = new HashMap<>();
        int count = 0;
        for (Page page : pages) {
            for (Question question : page.questions()) {
                questionIndex.put(question.id(), count++);
            }
        }
        this.questions = new QuestionRules[count];
        this.pageStart = new int[pages.length];
        this.pageEnd = new int[pages.length];
        int next = 0;
        for (int page = 0; page < pages.length; page++) {
            pageIndex.put(pages[page].id(), page);
            pageStart[page] = next;
            for (Question question : pages[page].questions()) {
                QuestionRules rules = new QuestionRules(next, page, question, questionIndex, limits);
                questions[next++] = rules;
                questionsById.put(question.id(), rules);
            }
            pageEnd[page] = next;
        }
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public Visibility visibility(OrgType orgType, ResponseState state) {
        return visibility(evaluate(orgType, state));
    }

    /** The next page, progress and visibility together, for the price of one evaluation. */
    public Standing standing(OrgType orgType, ResponseState state) {
        Evaluation evaluation = evaluate(orgType, state);
        return new Standing(pageId(evaluation.nextPage()), evaluation.progress(), visibility(evaluation));
    }

    private Visibility visibility(Evaluation evaluation) {
        List<VisiblePage> visiblePages = new ArrayList<>();
        for (int page = 0; page < pages.length; page++) {
            if (!evaluation.pageVisible[page]) {
                continue;
            }
            List<VisibleQuestion> visibleQuestions = new ArrayList<>();
            for (int i = pageStart[page]; i < pageEnd[page]; i++) {
                if (evaluation.visible[i]) {
                    visibleQuestions.add(visibleQuestion(questions[i], evaluation));
                }
            }
            visiblePages.add(new VisiblePage(pages[page], visibleQuestions));
        }
        return new Visibility(visiblePages, Optional.ofNullable(evaluation.ended));
    }

    /**
     * The answers that count, one per question in questionnaire order ({@link Questionnaire#questions()}): a
     * visible question's answer without carried-forward choices no longer chosen in the source; null for a hidden
     * question and for an answer that says nothing. What aggregation counts, without building the lists of
     * {@link #visibility}. Saved pages play no part in which answers count, so only the answers are asked for.
     */
    public List<Answer> effectiveAnswers(OrgType orgType, Map<String, Answer> answers) {
        return Collections.unmodifiableList(Arrays.asList(evaluate(orgType, answers, List.of()).effective));
    }

    private static VisibleQuestion visibleQuestion(QuestionRules question, Evaluation evaluation) {
        List<Option> options = new ArrayList<>();
        for (int option = 0; option < question.options.length; option++) {
            if (question.offered(evaluation.orgType, option, evaluation.effective)) {
                options.add(question.options[option]);
            }
        }
        List<GridRow> rows = new ArrayList<>();
        for (int row = 0; row < question.rows.length; row++) {
            if (question.rowShown(evaluation.orgType, row)) {
                rows.add(question.rows[row]);
            }
        }
        return new VisibleQuestion(question.question, options, rows);
    }

    public Optional<String> nextPage(OrgType orgType, ResponseState state) {
        return pageId(evaluate(orgType, state).nextPage());
    }

    public Completion completion(OrgType orgType, ResponseState state) {
        return evaluate(orgType, state).completion();
    }

    public Progress progress(OrgType orgType, ResponseState state) {
        return evaluate(orgType, state).progress();
    }

    /** Whether the page may be saved now: visible, and every visible page before it done. */
    public boolean reachable(OrgType orgType, ResponseState state, String pageId) {
        Integer page = pageIndex.get(pageId);
        return page != null && evaluate(orgType, state).reachable(page);
    }

    /**
     * Saves one page's answers: checks them, replaces the page's answers (a question left out, or answered with
     * nothing, loses its answer), marks the page saved, and removes what the change hid.
     */
    public SaveOutcome savePage(OrgType orgType, ResponseState state, String pageId, Map<String, Answer> pageAnswers) {
        Evaluation before = evaluate(orgType, state);
        Integer pageBoxed = pageIndex.get(pageId);
        if (pageBoxed == null) {
            return refused(state, before, List.of(Problem.of(ProblemCode.PAGE_UNKNOWN, null)));
        }
        int page = pageBoxed;
        if (!before.reachable(page)) {
            return refused(state, before, List.of(Problem.of(ProblemCode.PAGE_NOT_REACHABLE, null)));
        }
        List<Problem> problems = new ArrayList<>();
        Answer[] candidate = before.stored.clone();
        for (int i = pageStart[page]; i < pageEnd[page]; i++) {
            candidate[i] = null;
        }
        for (Map.Entry<String, Answer> entry : pageAnswers.entrySet()) {
            QuestionRules question = questionsById.get(entry.getKey());
            if (question == null) {
                problems.add(Problem.of(ProblemCode.UNKNOWN_QUESTION, entry.getKey()));
            } else if (question.page != page) {
                problems.add(Problem.of(ProblemCode.QUESTION_NOT_ON_PAGE, question.id));
            } else if (entry.getValue() != null && !isEmpty(entry.getValue())) {
                candidate[question.index] = entry.getValue();
            }
        }
        boolean[] saved = before.pageSaved.clone();
        saved[page] = true;
        Evaluation after = new Evaluation(questions, pages.length, orgType.ordinal(), candidate, saved, null);
        for (int i = pageStart[page]; i < pageEnd[page]; i++) {
            check(questions[i], after, problems);
        }
        if (!problems.isEmpty()) {
            return refused(state, before, problems);
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (QuestionRules question : questions) {
            Answer effective = after.effective[question.index];
            if (effective != null) {
                answers.put(question.id, effective);
            } else if (candidate[question.index] != null && !isEmpty(candidate[question.index])) {
                removed.add(question.id);
            }
        }
        if (before.unknownQuestions != null) {
            removed.addAll(before.unknownQuestions);
        }
        List<String> savedPages = new ArrayList<>();
        for (int p = 0; p < pages.length; p++) {
            if (saved[p] && after.pageVisible[p]) {
                savedPages.add(pages[p].id());
            }
        }
        return new SaveOutcome(List.of(), new ResponseState(answers, savedPages), removed, after.completion(),
                pageId(after.nextPage()));
    }

    /**
     * Saves one page as read from JSON: the reader's problems come first, and an answer the reader could not read
     * is missing to the rules, which would add a second, misleading problem for the same question; so the rules'
     * problems for such a question are left out. With any reader problem the page is refused.
     */
    public SaveOutcome savePage(OrgType orgType, ResponseState state, String pageId, ParsedAnswers read) {
        SaveOutcome outcome = savePage(orgType, state, pageId, read.answers());
        if (read.problems().isEmpty()) {
            return outcome;
        }
        Set<String> unreadable = new HashSet<>();
        read.problems().forEach(problem -> unreadable.add(problem.question()));
        List<Problem> problems = new ArrayList<>(read.problems());
        outcome.problems().stream().filter(problem -> !unreadable.contains(problem.question()))
                .forEach(problems::add);
        return refused(state, evaluate(orgType, state), problems);
    }

    private SaveOutcome refused(ResponseState state, Evaluation before, List<Problem> problems) {
        return new SaveOutcome(problems, state, Set.of(), before.completion(), pageId(before.nextPage()));
    }

    /**
     * Re-checks the whole response, as at submit: every answer belongs to a visible question and is valid, and no
     * visible required question is unanswered.
     */
    public List<Problem> validate(OrgType orgType, ResponseState state) {
        Evaluation evaluation = evaluate(orgType, state);
        List<Problem> problems = new ArrayList<>(0);
        if (evaluation.unknownQuestions != null) {
            for (String id : evaluation.unknownQuestions) {
                problems.add(Problem.of(ProblemCode.UNKNOWN_QUESTION, id));
            }
        }
        for (QuestionRules question : questions) {
            check(question, evaluation, problems);
        }
        return problems;
    }

    /** The checks of one question's given answer against the evaluation it is part of. */
    private void check(QuestionRules question, Evaluation evaluation, List<Problem> problems) {
        Answer answer = evaluation.stored[question.index];
        if (!evaluation.visible[question.index]) {
            if (answer != null && !isEmpty(answer)) {
                problems.add(Problem.of(ProblemCode.QUESTION_HIDDEN, question.id));
            }
            return;
        }
        if (question.required && !answered(answer)) {
            problems.add(Problem.of(ProblemCode.REQUIRED, question.id, question.requiredMessage));
        }
        if (answer == null || isEmpty(answer)) {
            return;
        }
        switch (question.type) {
            case SINGLE -> checkSingle(question, answer, evaluation, problems);
            case MULTIPLE -> {
                if (answer instanceof MultipleChoice multiple) {
                    checkChoices(question, multiple.codes(), multiple.other(), evaluation, problems);
                } else {
                    wrongType(question, problems);
                }
            }
            case TEXT -> {
                if (answer instanceof OpenText text) {
                    checkText(question, text.text(), problems);
                } else {
                    wrongType(question, problems);
                }
            }
            case GRID -> {
                if (answer instanceof GridAnswer grid) {
                    checkGrid(question, grid, evaluation.orgType, problems);
                } else {
                    wrongType(question, problems);
                }
            }
        }
    }

    private void checkSingle(QuestionRules question, Answer answer, Evaluation evaluation, List<Problem> problems) {
        if (answer instanceof SingleChoice single) {
            checkChoices(question, List.of(single.code()), single.other(), evaluation, problems);
        } else if (answer instanceof MultipleChoice multiple && multiple.codes().size() > 1) {
            problems.add(Problem.of(ProblemCode.TOO_MANY_CHOICES, question.id, question.tooManyChoicesMessage));
        } else {
            wrongType(question, problems);
        }
    }

    private void checkChoices(QuestionRules question, List<Integer> codes, String other, Evaluation evaluation,
                              List<Problem> problems) {
        String id = question.id;
        boolean otherChosen = false;
        int distinct = 0;
        int exclusive = -1;
        for (int i = 0; i < codes.size(); i++) {
            int code = codes.get(i);
            int option = question.optionIndex(code);
            if (indexOf(codes, code) < i) {
                problems.add(Problem.option(ProblemCode.DUPLICATE_CHOICE, id, code, option < 0
                        ? ProblemCode.DUPLICATE_CHOICE.message()
                        : Messages.duplicateChoice(question.options[option])));
                continue;
            }
            distinct++;
            if (option < 0) {
                problems.add(Problem.option(ProblemCode.UNKNOWN_OPTION, id, code, Messages.unknownOption(code)));
                continue;
            }
            if (!question.offered(evaluation.orgType, option, evaluation.effective)) {
                problems.add(Problem.option(ProblemCode.OPTION_NOT_OFFERED, id, code,
                        Messages.optionNotOffered(question.options[option])));
            }
            if (question.options[option].exclusive() && exclusive < 0) {
                exclusive = option;
            }
            otherChosen |= option == question.otherOption;
        }
        if (distinct > question.maxChoices) {
            problems.add(Problem.of(ProblemCode.TOO_MANY_CHOICES, id, question.tooManyChoicesMessage));
        }
        if (exclusive >= 0 && distinct > 1) {
            Option option = question.options[exclusive];
            problems.add(Problem.option(ProblemCode.EXCLUSIVE_CONFLICT, id, option.code(),
                    Messages.exclusiveConflict(option)));
        }
        if (otherChosen) {
            if (Texts.isBlank(other)) {
                problems.add(Problem.option(ProblemCode.OTHER_TEXT_MISSING, id,
                        question.options[question.otherOption].code(), question.otherTextMissingMessage));
            } else {
                checkOtherText(question, other, problems);
            }
        } else if (other != null) {
            problems.add(Problem.of(ProblemCode.OTHER_TEXT_NOT_ALLOWED, id, question.otherTextNotAllowedMessage));
        }
    }

    private void checkOtherText(QuestionRules question, String other, List<Problem> problems) {
        if (other.length() > limits.otherMaxLength()) {
            problems.add(Problem.of(ProblemCode.OTHER_TEXT_TOO_LONG, question.id, question.otherTextTooLongMessage));
        }
        if (Texts.hasInvalidCharacters(other)) {
            problems.add(Problem.of(ProblemCode.INVALID_CHARACTERS, question.id));
        }
    }

    private void checkText(QuestionRules question, String text, List<Problem> problems) {
        if (text.length() > limits.textMaxLength()) {
            problems.add(Problem.of(ProblemCode.TEXT_TOO_LONG, question.id, question.textTooLongMessage));
        }
        if (Texts.hasInvalidCharacters(text)) {
            problems.add(Problem.of(ProblemCode.INVALID_CHARACTERS, question.id));
        }
    }

    private static void checkGrid(QuestionRules question, GridAnswer grid, int orgType, List<Problem> problems) {
        String id = question.id;
        for (Map.Entry<Integer, String> entry : grid.rows().entrySet()) {
            int code = entry.getKey();
            int row = question.rowIndex(code);
            if (row < 0 || !question.rowShown(orgType, row)) {
                problems.add(Problem.row(ProblemCode.GRID_ROW_UNKNOWN, id, code, Messages.gridRowUnknown(code)));
            } else if (!question.hasColumn(entry.getValue())) {
                problems.add(Problem.row(ProblemCode.GRID_COLUMN_UNKNOWN, id, code,
                        Messages.gridColumnUnknown(question.rows[row])));
            }
        }
        if (question.required) {
            for (int row = 0; row < question.rows.length; row++) {
                GridRow gridRow = question.rows[row];
                if (question.rowShown(orgType, row) && !grid.rows().containsKey(gridRow.code())) {
                    problems.add(Problem.row(ProblemCode.GRID_ROW_MISSING, id, gridRow.code(),
                            Messages.gridRowMissing(gridRow)));
                }
            }
        }
    }

    private static void wrongType(QuestionRules question, List<Problem> problems) {
        problems.add(Problem.of(ProblemCode.WRONG_ANSWER_TYPE, question.id, Messages.wrongAnswerType(question.type)));
    }

    private static int indexOf(List<Integer> codes, int code) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == code) {
                return i;
            }
        }
        return -1;
    }

    /** Says nothing: no choice and no other text, a blank text, or no row. Treated as no answer. */
    static boolean isEmpty(Answer answer) {
        return switch (answer) {
            case SingleChoice single -> false;
            case MultipleChoice multiple -> multiple.codes().isEmpty() && multiple.other() == null;
            case OpenText text -> Texts.isBlank(text.text());
            case GridAnswer grid -> grid.rows().isEmpty();
        };
    }

    /** Has what a required question needs at the least: a choice, a non-blank text, or a row. */
    private static boolean answered(Answer answer) {
        if (answer == null || isEmpty(answer)) {
            return false;
        }
        return !(answer instanceof MultipleChoice multiple) || !multiple.codes().isEmpty();
    }

    private Evaluation evaluate(OrgType orgType, ResponseState state) {
        return evaluate(orgType, state.answers(), state.savedPages());
    }

    private Evaluation evaluate(OrgType orgType, Map<String, Answer> answers, List<String> savedPages) {
        Answer[] stored = new Answer[questions.length];
        List<String> unknown = null;
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            QuestionRules question = questionsById.get(entry.getKey());
            if (question == null) {
                unknown = unknown == null ? new ArrayList<>(1) : unknown;
                unknown.add(entry.getKey());
            } else {
                stored[question.index] = entry.getValue();
            }
        }
        boolean[] saved = new boolean[pages.length];
        for (int i = 0; i < savedPages.size(); i++) {
            Integer page = pageIndex.get(savedPages.get(i));
            if (page != null) {
                saved[page] = true;
            }
        }
        return new Evaluation(questions, pages.length, orgType.ordinal(), stored, saved, unknown);
    }

    private Optional<String> pageId(int page) {
        return page < 0 ? Optional.empty() : Optional.of(pages[page].id());
    }
}
