package no.ks.barometer.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.ks.barometer.http.Json;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Page;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ParsedAnswers;
import no.ks.barometer.rules.Problem;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SaveOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rules engine on realistic, complete responses to the 2024 questionnaire: the whole-response check done at
 * submit ({@code validate}), and saving one page, as each page request does. {@code readAnswers} is the baseline
 * the engine is quoted against: reading the same answers from the request's JSON text, which every request pays
 * before the engine runs, so the ratio holds when the shared machine's speed drifts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulesEngineBenchmark {

    /** Complete responses along the questionnaire's main paths, written as a respondent's browser sends them. */
    public enum Response {
        /** Q2 = 1 with every filter open: Q11, Q14-Q16 and Q19 answered; 27 pages. */
        KOMMUNE_LONG_PATH(OrgType.KOMMUNE, """
                {"Q0": {"choice": 1}, "Q1": {"choice": 1}, "Q2": {"choice": 1}, "Q3": {"choice": 2},
                 "Q4": {"choices": [1, 5, 8, 10], "other": "Eget innovasjonsfond"}, "Q5": {"choice": 2},
                 "Q10": {"choice": 1}, "Q11": {"choice": 3, "other": "Vedtatt i styringsgruppen"},
                 "Q12": {"rows": {"1": "a", "3": "b"}}, "Q13": {"choice": 1}, "Q14": {"choices": [2, 4], "other": "EU"},
                 "Q15": {"choices": [1, 2]}, "Q16": {"choices": [1, 4, 5, 10]}, "Q17": {"choices": [1, 3, 5]},
                 "Q17a": {"choice": 1}, "Q18": {"choices": [1, 4, 7]}, "Q19a": {"choices": [5, 7, 8, 10, 13]},
                 "Q19": {"choices": [7, 8, 13]}, "Q20": {"choices": [1, 2, 6, 7, 11]},
                 "Q21": {"rows": {"1": "a", "2": "b", "3": "a", "4": "c", "5": "b", "6": "b", "7": "c",
                                  "8": "a", "9": "d", "10": "b", "11": "c", "12": "e", "13": "c", "14": "b"}},
                 "Q22": {"text": "Ledelse som prioriterer innovasjon og tid til å prøve ut nye ting"},
                 "Q23": {"rows": {"1": "b", "2": "c", "3": "d", "4": "a", "5": "d", "6": "d", "7": "c",
                                  "8": "c", "9": "b", "10": "c", "11": "b", "12": "d", "13": "d", "14": "c"}},
                 "Q24": {"text": "Stram økonomi"}, "Q25": {"choice": 2}, "Q26": {"choices": [1, 4, 6], "other": "Nettverk"},
                 "Q27": {"choice": 2}, "Q28": {"text": "Takk for et godt skjema"}}"""),
        /** Q2 = 1 as a fylkeskommune, with its own Q12 row and Q20 options; Q11 and Q14-Q16 skipped. */
        FYLKESKOMMUNE(OrgType.FYLKESKOMMUNE, """
                {"Q0": {"choice": 1}, "Q1": {"choice": 2}, "Q2": {"choice": 1}, "Q3": {"choice": 1},
                 "Q4": {"choices": [2, 3, 8]}, "Q5": {"choice": 1}, "Q10": {"choice": 5},
                 "Q12": {"rows": {"2": "a", "3": "c"}}, "Q13": {"choice": 2}, "Q17": {"choices": [1, 2]},
                 "Q17a": {"choice": 3}, "Q18": {"choices": [2, 7]}, "Q19a": {"choices": [1, 3, 15]},
                 "Q19": {"choices": [1, 15]}, "Q20": {"choices": [3, 4, 5, 7]},
                 "Q21": {"rows": {"1": "a", "2": "a", "3": "b", "4": "c", "5": "a", "6": "b", "7": "b",
                                  "8": "a", "9": "c", "10": "a", "11": "b", "12": "c", "13": "d", "14": "a"}},
                 "Q23": {"rows": {"1": "c", "2": "d", "3": "d", "4": "a", "5": "d", "6": "c", "7": "c",
                                  "8": "d", "9": "b", "10": "d", "11": "c", "12": "c", "13": "e", "14": "d"}},
                 "Q25": {"choice": 1}, "Q26": {"choices": [7]}, "Q27": {"choice": 4}}"""),
        /** Q2 = 2: the short path through the reasons for not working with innovation. */
        NO_INNOVATION(OrgType.KOMMUNE, """
                {"Q0": {"choice": 1}, "Q1": {"choice": 3}, "Q2": {"choice": 2},
                 "Q6": {"choices": [1, 8], "other": "Politisk uenighet"}, "Q7": {"choice": 1},
                 "Q8": {"choices": [4, 5, 8]}, "Q9": {"text": "Mer tid og kompetanse"}}""");

        final OrgType orgType;
        final String answers;

        Response(OrgType orgType, String answers) {
            this.orgType = orgType;
            this.answers = answers;
        }
    }

    @Param
    public Response response;

    private Questionnaire questionnaire;
    private RulesEngine engine;
    private OrgType orgType;
    private ResponseState complete;
    private ResponseState beforeLastPage;
    private String lastPage;
    private Map<String, Answer> lastPageAnswers;

    @Setup
    public void answerEveryPage() {
        questionnaire = QuestionnaireCatalog.fromClasspath().current("innovasjonsbarometer-2024")
                .orElseThrow().questionnaire();
        engine = new RulesEngine(questionnaire);
        orgType = response.orgType;
        ParsedAnswers parsed = readAnswers();
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException(response + " has unreadable answers: " + parsed.problems());
        }
        Map<String, Answer> answers = parsed.answers();
        ResponseState state = ResponseState.empty();
        for (Optional<String> next = engine.nextPage(orgType, state); next.isPresent();
             next = engine.nextPage(orgType, state)) {
            Page page = questionnaire.page(next.get()).orElseThrow();
            Map<String, Answer> pageAnswers = new LinkedHashMap<>();
            for (Question question : page.questions()) {
                if (answers.containsKey(question.id())) {
                    pageAnswers.put(question.id(), answers.get(question.id()));
                }
            }
            SaveOutcome outcome = engine.savePage(orgType, state, page.id(), pageAnswers);
            if (!outcome.accepted()) {
                throw new IllegalStateException(response + " is refused on " + page.id() + ": " + outcome.problems());
            }
            beforeLastPage = state;
            lastPage = page.id();
            lastPageAnswers = pageAnswers;
            state = outcome.state();
        }
        complete = state;
        if (!complete.answers().equals(answers) || !engine.validate(orgType, complete).isEmpty()) {
            throw new IllegalStateException(response + " is not a complete, valid response");
        }
    }

    /** The check made when a response is submitted: every answer visible and valid, nothing required missing. */
    @Benchmark
    public List<Problem> validate() {
        return engine.validate(orgType, complete);
    }

    /** Saving the last page of the response, which checks it and recomputes the whole response's visibility. */
    @Benchmark
    public SaveOutcome saveLastPage() {
        return engine.savePage(orgType, beforeLastPage, lastPage, lastPageAnswers);
    }

    /**
     * What a request spends before the engine: the body's text as UTF-8 bytes, parsed by the API's strict reader,
     * then turned into typed answers.
     */
    @Benchmark
    public ParsedAnswers readAnswers() {
        return AnswerCodec.read(questionnaire, Json.readStrict(response.answers.getBytes(StandardCharsets.UTF_8)));
    }
}
