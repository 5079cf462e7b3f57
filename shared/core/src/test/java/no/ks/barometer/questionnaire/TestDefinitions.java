package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Definitions for tests: the small one under {@code rules-test/} that uses every rule, and the real one. */
public final class TestDefinitions {
    public static final String BAROMETER = "innovasjonsbarometer-2024";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDefinitions() {
    }

    /** A fresh, modifiable copy of {@code rules-test/engine-test.json}. */
    public static ObjectNode engineTestJson() {
        try (InputStream in = TestDefinitions.class.getResourceAsStream("/rules-test/engine-test.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The small test definition, read and checked to lint clean. */
    public static Questionnaire engineTest() {
        Questionnaire questionnaire = QuestionnaireReader.read("engine-test", engineTestJson());
        assertEquals(List.of(), QuestionnaireLinter.lint(questionnaire));
        return questionnaire;
    }

    public static Questionnaire barometer() {
        return QuestionnaireCatalog.fromClasspath().current(BAROMETER).orElseThrow().questionnaire();
    }
}
