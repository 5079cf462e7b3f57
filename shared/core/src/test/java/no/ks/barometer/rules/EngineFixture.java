package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.TestDefinitions;

/** The small test definition's engine and short ways to write answers and states for it. */
abstract class EngineFixture {
    static final Questionnaire QUESTIONNAIRE = TestDefinitions.engineTest();
    static final RulesEngine ENGINE = new RulesEngine(QUESTIONNAIRE);
    static final OrgType KOMMUNE = OrgType.KOMMUNE;
    static final OrgType FYLKE = OrgType.FYLKESKOMMUNE;

    static SingleChoice one(int code) {
        return new SingleChoice(code);
    }

    static MultipleChoice many(Integer... codes) {
        return new MultipleChoice(List.of(codes));
    }

    static OpenText text(String text) {
        return new OpenText(text);
    }

    static GridAnswer grid(Object... rowThenColumn) {
        Map<Integer, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < rowThenColumn.length; i += 2) {
            rows.put((Integer) rowThenColumn[i], (String) rowThenColumn[i + 1]);
        }
        return new GridAnswer(rows);
    }

    /** Answers from pairs of question id and answer. */
    static Map<String, Answer> answers(Object... idThenAnswer) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < idThenAnswer.length; i += 2) {
            answers.put((String) idThenAnswer[i], (Answer) idThenAnswer[i + 1]);
        }
        return answers;
    }

    static ResponseState state(Map<String, Answer> answers, String... savedPages) {
        return new ResponseState(answers, Arrays.asList(savedPages));
    }

    /** Saves a page that must be accepted and answers the new state. */
    static ResponseState saved(OrgType orgType, ResponseState state, String page, Map<String, Answer> answers) {
        SaveOutcome outcome = ENGINE.savePage(orgType, state, page, answers);
        assertEquals(List.of(), outcome.problems(), "saving " + page);
        return outcome.state();
    }

    /** A kommune that consented, works with it (QA = 1) and chose QB = 1, 2. */
    static ResponseState kommuneAtQc() {
        ResponseState state = saved(KOMMUNE, ResponseState.empty(), "p0", answers("Q0", one(1)));
        state = saved(KOMMUNE, state, "pa", answers("QA", one(1)));
        return saved(KOMMUNE, state, "pb", answers("QB", many(1, 2)));
    }

    /** The kommune of {@link #kommuneAtQc()} with every page saved. */
    static ResponseState kommuneComplete() {
        ResponseState state = saved(KOMMUNE, kommuneAtQc(), "pc", answers("QC", many(2)));
        state = saved(KOMMUNE, state, "pd", answers("QD", grid(1, "a", 3, "b")));
        return saved(KOMMUNE, state, "pz", answers());
    }

    static Set<ProblemCode> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).collect(Collectors.toSet());
    }

    static Set<ProblemCode> codesOfSaving(OrgType orgType, ResponseState state, String page,
                                          Map<String, Answer> answers) {
        return codes(ENGINE.savePage(orgType, state, page, answers).problems());
    }
}
