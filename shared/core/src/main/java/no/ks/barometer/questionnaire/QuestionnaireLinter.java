package no.ks.barometer.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the rules of docs/questionnaire-format.md that the JSON shape cannot express. A definition is loaded only
 * when this finds nothing.
 */
public final class QuestionnaireLinter {
    private final Questionnaire questionnaire;
    private final Map<String, Question> questions = new HashMap<>();
    private final Map<String, Integer> pageIndexOfQuestion = new HashMap<>();
    private final List<LintProblem> problems = new ArrayList<>();

    private QuestionnaireLinter(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    public static List<LintProblem> lint(Questionnaire questionnaire) {
        QuestionnaireLinter linter = new QuestionnaireLinter(questionnaire);
        linter.run();
        return List.copyOf(linter.problems);
    }

    private void run() {
        Limits limits = questionnaire.limits();
        if (limits.textMaxLength() < 1 || limits.otherMaxLength() < 1) {
            report(LintRule.LIMITS, "limits", "textMaxLength and otherMaxLength must be at least 1");
        }
        Set<String> pageIds = new HashSet<>();
        List<Page> pages = questionnaire.pages();
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            Page page = pages.get(pageIndex);
            if (!pageIds.add(page.id())) {
                report(LintRule.DUPLICATE_PAGE_ID, "page " + page.id(), "page id used more than once");
            }
            if (page.questions().isEmpty()) {
                report(LintRule.EMPTY_PAGE, "page " + page.id(), "a page needs at least one question");
            }
            for (Question question : page.questions()) {
                if (questions.putIfAbsent(question.id(), question) != null) {
                    report(LintRule.DUPLICATE_QUESTION_ID, question.id(), "question id used more than once");
                } else {
                    pageIndexOfQuestion.put(question.id(), pageIndex);
                }
            }
        }
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            int page = pageIndex;
            for (Question question : pages.get(page).questions()) {
                shape(question);
                question.visibleWhen().ifPresent(condition -> condition(question, page, condition));
                question.carryForward().ifPresent(carryForward -> carryForward(question, page, carryForward));
            }
        }
        if (problems.isEmpty()) {
            reachability();
        }
    }

    /** Runs only on an otherwise sound definition: the search follows references the other rules check. */
    private void reachability() {
        try {
            for (String unreachable : new ReachabilitySearch(questionnaire).unreachableQuestions()) {
                report(LintRule.UNREACHABLE_QUESTION, unreachable,
                        "no organisation type and no answers make this question visible");
            }
        } catch (ReachabilitySearch.TooManyCombinations e) {
            report(LintRule.UNREACHABLE_QUESTION, questionnaire.id(), "the conditions combine too many answers to "
                    + "check that every question can be reached (" + e.getMessage() + "); simplify them");
        }
    }

    private void shape(Question question) {
        String id = question.id();
        QuestionType type = question.type();
        if (type.hasOptions() && question.options().isEmpty()) {
            report(LintRule.OPTIONS_SHAPE, id, "a " + type.code() + " question needs options");
        }
        if (!type.hasOptions() && !question.options().isEmpty()) {
            report(LintRule.OPTIONS_SHAPE, id, "only single and multiple questions have options");
        }
        if (type == QuestionType.GRID && (question.rows().isEmpty() || question.columns().isEmpty())) {
            report(LintRule.GRID_SHAPE, id, "a grid needs rows and columns");
        }
        if (type != QuestionType.GRID && (!question.rows().isEmpty() || !question.columns().isEmpty())) {
            report(LintRule.GRID_SHAPE, id, "only grids have rows and columns");
        }
        uniqueCodes(id, "option", question.options().stream().map(option -> String.valueOf(option.code())).toList());
        uniqueCodes(id, "row", question.rows().stream().map(row -> String.valueOf(row.code())).toList());
        uniqueCodes(id, "column", question.columns().stream().map(GridColumn::code).toList());
        for (GridColumn column : question.columns()) {
            if (column.code() == null || column.code().isEmpty()) {
                report(LintRule.GRID_SHAPE, id, "a column code must not be empty");
            }
        }
        long otherOptions = question.options().stream().filter(Option::other).count();
        if (otherOptions > 1) {
            report(LintRule.OTHER_OPTION, id, "at most one option may ask for an other text");
        }
        if (otherOptions > 0 && !type.hasOptions()) {
            report(LintRule.OTHER_OPTION, id, "other options belong only to single and multiple questions");
        }
        for (Option option : question.options()) {
            String where = id + " option " + option.code();
            if (option.exclusive() && type != QuestionType.MULTIPLE) {
                report(LintRule.EXCLUSIVE_OPTION, where, "exclusive options belong only to multiple questions");
            }
            if (option.endsSurvey().isPresent()) {
                if (type != QuestionType.SINGLE) {
                    report(LintRule.ENDS_SURVEY, where, "only an option of a single question can end the survey");
                }
                if (!questionnaire.endings().containsKey(option.endsSurvey().get())) {
                    report(LintRule.ENDS_SURVEY, where,
                            "endings has no text for " + option.endsSurvey().get());
                }
            }
            if (option.orgTypes().isEmpty()) {
                report(LintRule.NEVER_OFFERED, where, "the option is offered to no organisation type");
            }
        }
        for (GridRow row : question.rows()) {
            if (row.orgTypes().isEmpty()) {
                report(LintRule.NEVER_OFFERED, id + " row " + row.code(), "the row is shown to no organisation type");
            }
        }
        if (question.maxChoices().isPresent()) {
            int maxChoices = question.maxChoices().getAsInt();
            if (type != QuestionType.MULTIPLE) {
                report(LintRule.MAX_CHOICES, id, "maxChoices belongs only to multiple questions");
            } else if (maxChoices < 1 || maxChoices > question.options().size()) {
                report(LintRule.MAX_CHOICES, id,
                        "maxChoices must be between 1 and the number of options (" + question.options().size() + ")");
            }
        }
        if (type == QuestionType.MULTIPLE && !question.options().isEmpty()
                && question.options().stream().allMatch(Option::exclusive)) {
            report(LintRule.EXCLUSIVE_OPTION, id, "a multiple question whose options are all exclusive is a single");
        }
    }

    private void uniqueCodes(String questionId, String kind, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                report(LintRule.DUPLICATE_CODE, questionId + " " + kind + " " + code, kind + " code used more than once");
            }
        }
    }

    private void condition(Question question, int pageIndex, Condition condition) {
        String where = question.id() + ".visibleWhen";
        switch (condition) {
            case Condition.QuestionAnyOf atom -> {
                Question referenced = earlierQuestion(where, atom.question(), pageIndex, LintRule.CONDITION_REFERENCE);
                if (referenced == null) {
                    return;
                }
                if (!referenced.type().hasOptions()) {
                    report(LintRule.CONDITION_REFERENCE, where,
                            atom.question() + " is a " + referenced.type().code() + " question and has no options");
                    return;
                }
                if (atom.anyOf().isEmpty()) {
                    report(LintRule.CONDITION_EMPTY, where, "anyOf lists no codes");
                }
                for (int code : atom.anyOf()) {
                    if (referenced.option(code).isEmpty()) {
                        report(LintRule.CONDITION_CODE, where, atom.question() + " has no option " + code);
                    }
                }
            }
            case Condition.OrgTypeIs orgTypeIs -> {
            }
            case Condition.All all -> {
                if (all.conditions().isEmpty()) {
                    report(LintRule.CONDITION_EMPTY, where, "all lists no conditions");
                }
                all.conditions().forEach(part -> condition(question, pageIndex, part));
            }
            case Condition.AnyOf any -> {
                if (any.conditions().isEmpty()) {
                    report(LintRule.CONDITION_EMPTY, where, "any lists no conditions");
                }
                any.conditions().forEach(part -> condition(question, pageIndex, part));
            }
            case Condition.Not not -> condition(question, pageIndex, not.condition());
        }
    }

    private void carryForward(Question question, int pageIndex, CarryForward carryForward) {
        String where = question.id() + ".carryForward";
        if (!question.type().hasOptions()) {
            report(LintRule.CARRY_FORWARD, where, "only single and multiple questions carry options forward");
            return;
        }
        Question source = earlierQuestion(where, carryForward.question(), pageIndex, LintRule.CARRY_FORWARD);
        if (source == null) {
            return;
        }
        if (source.type() != QuestionType.MULTIPLE) {
            report(LintRule.CARRY_FORWARD, where, carryForward.question() + " is not a multiple question");
            return;
        }
        if (carryForward.codes().isEmpty()) {
            report(LintRule.CARRY_FORWARD, where, "codes lists nothing to carry forward");
        }
        for (int code : carryForward.codes()) {
            if (source.option(code).isEmpty()) {
                report(LintRule.CARRY_FORWARD, where, carryForward.question() + " has no option " + code);
            }
            if (question.option(code).isEmpty()) {
                report(LintRule.CARRY_FORWARD, where, question.id() + " has no option " + code);
            }
        }
    }

    /** The question {@code id} if it exists on a page before {@code pageIndex}; otherwise reports and answers null. */
    private Question earlierQuestion(String where, String id, int pageIndex, LintRule rule) {
        Question referenced = questions.get(id);
        if (referenced == null) {
            report(rule, where, "refers to " + id + ", which does not exist");
            return null;
        }
        if (pageIndexOfQuestion.get(id) >= pageIndex) {
            report(rule, where, "refers to " + id + ", which is not on an earlier page");
            return null;
        }
        return referenced;
    }

    private void report(LintRule rule, String where, String message) {
        problems.add(new LintProblem(rule, where, message));
    }
}
