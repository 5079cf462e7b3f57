package no.ks.barometer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnswerCodecTest extends EngineFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ParsedAnswers read(String json) {
        try {
            return AnswerCodec.read(QUESTIONNAIRE, JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Set<ProblemCode> problemsReading(String answerJson) {
        return read("{\"QA\": " + answerJson + "}").problems().stream().map(Problem::code)
                .collect(Collectors.toSet());
    }

    @Test
    void readsEveryShape() {
        ParsedAnswers parsed = read("""
                {"QA": {"choice": 3, "other": "Eget fond"},
                 "QB": {"choices": [1, 4], "other": "Annet sted"},
                 "QC": {"choices": []},
                 "QZ": {"text": "Mer tid\\nog kompetanse"},
                 "QD": {"rows": {"3": "b", "1": "a"}}}""");
        assertEquals(List.of(), parsed.problems());
        assertEquals(answers(
                "QA", new SingleChoice(3, "Eget fond"),
                "QB", new MultipleChoice(List.of(1, 4), "Annet sted"),
                "QC", many(),
                "QZ", text("Mer tid\nog kompetanse"),
                "QD", grid(1, "a", 3, "b")), parsed.answers());
        assertEquals(List.of("QA", "QB", "QC", "QZ", "QD"), List.copyOf(parsed.answers().keySet()));
    }

    @Test
    void nullOtherIsNoOtherText() {
        assertEquals(Map.of("QA", one(1)), read("{\"QA\": {\"choice\": 1, \"other\": null}}").answers());
    }

    @Test
    void unknownQuestionIsReportedAndLeftOut() {
        ParsedAnswers parsed = read("{\"Q404\": {\"choice\": 1}, \"QA\": {\"choice\": 1}}");
        assertEquals(List.of(new Problem(ProblemCode.UNKNOWN_QUESTION, "Q404", null, null,
                ProblemCode.UNKNOWN_QUESTION.message())), parsed.problems());
        assertEquals(Map.of("QA", one(1)), parsed.answers());
    }

    @Test
    void malformedAnswersAreTheWrongAnswerType() {
        for (String malformed : List.of("1", "[1]", "\"Ja\"", "null", "{}", "{\"choice\": \"1\"}",
                "{\"choice\": 1.5}", "{\"choice\": 1e20}", "{\"choice\": 1, \"choices\": [1]}",
                "{\"choices\": [1, \"2\"]}", "{\"choices\": 1}", "{\"text\": 5}", "{\"text\": \"a\", \"other\": \"b\"}",
                "{\"rows\": {\"01\": \"a\"}}", "{\"rows\": {\"x\": \"a\"}}", "{\"rows\": {\"1\": 1}}",
                "{\"rows\": []}", "{\"choice\": 1, \"other\": 5}", "{\"choice\": 1, \"extra\": true}")) {
            assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE), problemsReading(malformed), malformed);
        }
    }

    @Test
    void shapeIsReadFromTheJsonNotFromTheQuestion() {
        assertEquals(Map.of("QA", many(1, 2)), read("{\"QA\": {\"choices\": [1, 2]}}").answers());
    }

    @Test
    void controlCharactersInTextsAreReportedWhileReading() {
        assertEquals(Set.of(ProblemCode.INVALID_CHARACTERS), problemsReading("{\"text\": \"a\\u0007b\"}"));
        assertEquals(Set.of(ProblemCode.INVALID_CHARACTERS), problemsReading("{\"choice\": 3, \"other\": \"\\u0000\"}"));
        assertEquals(Set.of(ProblemCode.INVALID_CHARACTERS), problemsReading("{\"text\": \"\\ud800\"}"));
        assertEquals(Set.of(), problemsReading("{\"text\": \"tab\\there\\r\\nog \\ud83d\\ude00\"}"));
    }

    @Test
    void answersThatAreNotAnObjectAreOneProblem() throws Exception {
        ParsedAnswers parsed = AnswerCodec.read(QUESTIONNAIRE, JSON.readTree("[1]"));
        assertEquals(Set.of(ProblemCode.WRONG_ANSWER_TYPE),
                parsed.problems().stream().map(Problem::code).collect(Collectors.toSet()));
    }

    @Test
    void writeGivesTheDocumentedJsonAndReadsBackTheSame() throws Exception {
        Map<String, Answer> answers = answers(
                "Q0", one(1),
                "QA", new SingleChoice(3, "Vedtatt i styringsgruppen"),
                "QB", new MultipleChoice(List.of(1, 4), "Eget fond"),
                "QZ", text("Mer tid"),
                "QD", grid(1, "a", 3, "d"));
        JsonNode written = AnswerCodec.write(answers);
        assertEquals(JSON.readTree("""
                {"Q0": {"choice": 1},
                 "QA": {"choice": 3, "other": "Vedtatt i styringsgruppen"},
                 "QB": {"choices": [1, 4], "other": "Eget fond"},
                 "QZ": {"text": "Mer tid"},
                 "QD": {"rows": {"1": "a", "3": "d"}}}"""), written);
        assertEquals(answers, AnswerCodec.read(QUESTIONNAIRE, written).answers());
    }
}
