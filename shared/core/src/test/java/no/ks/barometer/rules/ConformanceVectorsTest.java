package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.ks.barometer.questionnaire.GridRow;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of every published questionnaire's conformance vectors (docs/questionnaire-format.md,
 * "Conformance vectors"); the web app runs the same files with its own engine.
 */
class ConformanceVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CASE_KEYS = Set.of("name", "orgType", "answers", "savedPages", "save", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("visibleQuestions", "offeredOptions", "shownRows",
            "nextPage", "completion", "problems", "removedQuestions", "progress", "savedPages", "answers");
    private static final Set<String> PROBLEM_KEYS = Set.of("question", "code", "message");

    private record Vectors(Questionnaire questionnaire, JsonNode file) {
    }

    private static List<Vectors> allVectors() {
        List<Vectors> all = new ArrayList<>();
        for (PublishedQuestionnaire published : QuestionnaireCatalog.fromClasspath().all()) {
            Questionnaire questionnaire = published.questionnaire();
            String name = "/questionnaires/" + questionnaire.id() + "/conformance-v" + questionnaire.version() + ".json";
            try (InputStream in = ConformanceVectorsTest.class.getResourceAsStream(name)) {
                assertNotNull(in, "every published questionnaire has conformance vectors: " + name);
                JsonNode file = JSON.readTree(in);
                assertEquals(questionnaire.id(), file.get("questionnaire").asText(), name);
                assertEquals(questionnaire.version(), file.get("version").asInt(), name);
                all.add(new Vectors(questionnaire, file));
            } catch (IOException e) {
                throw new AssertionError("cannot read " + name, e);
            }
        }
        return all;
    }

    @TestFactory
    Stream<DynamicContainer> conformanceVectors() {
        return allVectors().stream().map(vectors -> {
            RulesEngine engine = new RulesEngine(vectors.questionnaire());
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode testCase : vectors.file().get("cases")) {
                String name = testCase.get("name").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        run(engine, testCase);
                    } catch (AssertionError e) {
                        throw new AssertionError("case \"" + name + "\": " + e.getMessage(), e);
                    }
                }));
            }
            return DynamicContainer.dynamicContainer(vectors.questionnaire().id() + " v"
                    + vectors.questionnaire().version(), tests);
        });
    }

    @Test
    void caseNamesAreUnique() {
        for (Vectors vectors : allVectors()) {
            Set<String> names = new HashSet<>();
            for (JsonNode testCase : vectors.file().get("cases")) {
                assertTrue(names.add(testCase.get("name").asText()), "two cases are named " + testCase.get("name"));
            }
        }
    }

    @Test
    void vectorsExpectEveryProblemCode() {
        for (Vectors vectors : allVectors()) {
            Set<ProblemCode> expected = EnumSet.noneOf(ProblemCode.class);
            for (JsonNode testCase : vectors.file().get("cases")) {
                testCase.path("expect").path("problems")
                        .forEach(problem -> expected.add(ProblemCode.valueOf(problem.get("code").asText())));
            }
            assertEquals(EnumSet.allOf(ProblemCode.class), expected);
        }
    }

    /** What a case's expectations are checked against. */
    private record Outcome(List<Problem> problems, ResponseState state, Set<String> removedQuestions,
                           Optional<String> nextPage, Completion completion) {
    }

    private static void run(RulesEngine engine, JsonNode testCase) {
        knownKeys(testCase, CASE_KEYS, "case");
        JsonNode expect = testCase.get("expect");
        knownKeys(expect, EXPECT_KEYS, "expect");
        Questionnaire questionnaire = engine.questionnaire();
        OrgType orgType = OrgType.fromCode(testCase.get("orgType").asText()).orElseThrow();
        ParsedAnswers given = AnswerCodec.read(questionnaire, testCase.get("answers"));
        assertEquals(List.of(), given.problems(), "the case's answers must be readable");
        ResponseState state = new ResponseState(given.answers(), strings(testCase.get("savedPages")));

        Outcome outcome;
        JsonNode save = testCase.get("save");
        if (save == null) {
            if (expect.has("removedQuestions")) {
                fail("removedQuestions is the outcome of a save; this case saves nothing");
            }
            outcome = new Outcome(engine.validate(orgType, state), state, Set.of(), engine.nextPage(orgType, state),
                    engine.completion(orgType, state));
        } else {
            SaveOutcome saved = engine.savePage(orgType, state, save.get("page").asText(),
                    AnswerCodec.read(questionnaire, save.get("answers")));
            outcome = new Outcome(saved.problems(), saved.state(), saved.removedQuestions(), saved.nextPage(),
                    saved.completion());
        }
        check(engine, orgType, expect, outcome);
    }

    private static void check(RulesEngine engine, OrgType orgType, JsonNode expect, Outcome outcome) {
        ResponseState state = outcome.state();
        Visibility visibility = engine.visibility(orgType, state);
        if (expect.has("problems")) {
            Set<List<String>> expected = new HashSet<>();
            expect.get("problems").forEach(problem -> {
                knownKeys(problem, PROBLEM_KEYS, "problem");
                assertTrue(problem.has("message"), "every expected problem names its message: " + problem);
                expected.add(triple(problem.get("question").isNull() ? null : problem.get("question").asText(),
                        problem.get("code").asText(), problem.get("message").asText()));
            });
            Set<List<String>> actual = outcome.problems().stream()
                    .map(problem -> triple(problem.question(), problem.code().name(), problem.message()))
                    .collect(Collectors.toSet());
            assertEquals(expected, actual, "problems (question, code, message)");
        }
        if (expect.has("removedQuestions")) {
            assertEquals(Set.copyOf(strings(expect.get("removedQuestions"))), outcome.removedQuestions(),
                    "removedQuestions");
        }
        if (expect.has("nextPage")) {
            JsonNode nextPage = expect.get("nextPage");
            assertEquals(nextPage.isNull() ? Optional.empty() : Optional.of(nextPage.asText()), outcome.nextPage(),
                    "nextPage");
        }
        if (expect.has("completion")) {
            assertEquals(Completion.valueOf(expect.get("completion").asText()), outcome.completion(), "completion");
        }
        if (expect.has("visibleQuestions")) {
            assertEquals(strings(expect.get("visibleQuestions")), visibility.questionIds(), "visibleQuestions");
        }
        if (expect.has("offeredOptions")) {
            expect.get("offeredOptions").fields().forEachRemaining(entry -> assertEquals(
                    integers(entry.getValue()),
                    visibility.question(entry.getKey()).map(q -> q.options().stream().map(Option::code).toList())
                            .orElse(List.of()),
                    "offeredOptions of " + entry.getKey()));
        }
        if (expect.has("shownRows")) {
            expect.get("shownRows").fields().forEachRemaining(entry -> assertEquals(
                    integers(entry.getValue()),
                    visibility.question(entry.getKey()).map(q -> q.rows().stream().map(GridRow::code).toList())
                            .orElse(List.of()),
                    "shownRows of " + entry.getKey()));
        }
        if (expect.has("progress")) {
            JsonNode progress = expect.get("progress");
            assertEquals(new Progress(progress.get("done").asInt(), progress.get("total").asInt()),
                    engine.progress(orgType, state), "progress");
        }
        if (expect.has("savedPages")) {
            assertEquals(strings(expect.get("savedPages")), state.savedPages(), "savedPages");
        }
        if (expect.has("answers")) {
            expect.get("answers").fields().forEachRemaining(entry -> {
                Answer stored = state.answers().get(entry.getKey());
                if (entry.getValue().isNull()) {
                    assertEquals(null, stored, "no answer to " + entry.getKey());
                } else {
                    assertNotNull(stored, "an answer to " + entry.getKey());
                    assertEquals(entry.getValue(), AnswerCodec.write(stored), "the answer to " + entry.getKey());
                }
            });
        }
    }

    private static List<String> triple(String question, String code, String message) {
        List<String> triple = new ArrayList<>(3);
        triple.add(question);
        triple.add(code);
        triple.add(message);
        return triple;
    }

    private static void knownKeys(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> assertTrue(known.contains(name), "unknown key in " + where
                + ": " + name));
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> integers = new ArrayList<>();
        array.forEach(element -> integers.add(element.asInt()));
        return integers;
    }
}
