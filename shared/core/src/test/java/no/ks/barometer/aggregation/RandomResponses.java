package no.ks.barometer.aggregation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.GridColumn;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Page;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.OpenText;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SaveOutcome;
import no.ks.barometer.rules.SingleChoice;
import no.ks.barometer.rules.VisibleQuestion;

/** Valid responses made by a seeded random respondent, saved page by page through the rules engine. */
final class RandomResponses {
    private final RulesEngine engine;
    private final Random random;

    RandomResponses(RulesEngine engine, Random random) {
        this.engine = engine;
        this.random = random;
    }

    /** A response that has reached an end: completed, declined or wrong recipient. */
    ResponseRecord finished(Organisation organisation) {
        OrgType type = organisation.type();
        ResponseState state = ResponseState.empty();
        for (Optional<String> next = engine.nextPage(type, state); next.isPresent();
             next = engine.nextPage(type, state)) {
            Page page = engine.questionnaire().page(next.get()).orElseThrow();
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (Question question : page.questions()) {
                Optional<VisibleQuestion> visible = engine.visibility(type, state).question(question.id());
                if (visible.isPresent() && (question.required() || random.nextInt(3) > 0)) {
                    answers.put(question.id(), answer(visible.get()));
                }
            }
            SaveOutcome outcome = engine.savePage(type, state, page.id(), answers);
            if (!outcome.accepted()) {
                throw new IllegalStateException("The random respondent broke a rule: " + outcome.problems());
            }
            state = outcome.state();
        }
        ResponseStatus status = switch (engine.completion(type, state)) {
            case COMPLETE -> ResponseStatus.COMPLETED;
            case DECLINED -> ResponseStatus.DECLINED;
            case WRONG_RECIPIENT -> ResponseStatus.WRONG_RECIPIENT;
            case IN_PROGRESS -> throw new IllegalStateException("No next page, yet in progress");
        };
        return new ResponseRecord(organisation, status, engine.questionnaire().version(), state.answers());
    }

    static ResponseRecord invited(Organisation organisation) {
        return new ResponseRecord(organisation, ResponseStatus.INVITED, null, Map.of());
    }

    private Answer answer(VisibleQuestion visible) {
        Question question = visible.question();
        return switch (question.type()) {
            case SINGLE -> single(visible.options());
            case MULTIPLE -> multiple(visible.options(), question.maxChoices().orElse(Integer.MAX_VALUE));
            case GRID -> grid(visible.rows(), question.columns());
            case TEXT -> new OpenText("tekst");
        };
    }

    private Answer single(List<Option> offered) {
        Option option = offered.get(firstIsLikely(offered.size()));
        return new SingleChoice(option.code(), option.other() ? "tekst" : null);
    }

    /** The first option is the common one ("Ja" to taking part), so that most respondents go on. */
    private int firstIsLikely(int size) {
        return random.nextInt(4) > 0 ? 0 : random.nextInt(size);
    }

    private Answer multiple(List<Option> offered, int maxChoices) {
        List<Option> exclusive = offered.stream().filter(Option::exclusive).toList();
        List<Option> open = new ArrayList<>(offered.stream().filter(o -> !o.exclusive()).toList());
        if (open.isEmpty() || (!exclusive.isEmpty() && random.nextInt(5) == 0)) {
            return new MultipleChoice(List.of(exclusive.get(random.nextInt(exclusive.size())).code()));
        }
        int count = 1 + random.nextInt(Math.min(maxChoices, open.size()));
        Collections.shuffle(open, random);
        List<Option> chosen = open.subList(0, count);
        boolean other = chosen.stream().anyMatch(Option::other);
        return new MultipleChoice(chosen.stream().map(Option::code).toList(), other ? "tekst" : null);
    }

    private Answer grid(List<GridRow> rows, List<GridColumn> columns) {
        Map<Integer, String> answer = new LinkedHashMap<>();
        for (GridRow row : rows) {
            answer.put(row.code(), columns.get(random.nextInt(columns.size())).code());
        }
        return new GridAnswer(answer);
    }
}
