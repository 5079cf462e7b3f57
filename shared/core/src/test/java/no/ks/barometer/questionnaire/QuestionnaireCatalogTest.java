package no.ks.barometer.questionnaire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuestionnaireCatalogTest {
    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.fromClasspath();

    @Test
    void catalogIsLoadedOncePerProcess() {
        assertSame(CATALOG, QuestionnaireCatalog.fromClasspath());
    }

    @Test
    void innovationBarometerVersionOneIsPublishedAndCurrent() {
        PublishedQuestionnaire published = CATALOG.get(TestDefinitions.BAROMETER, 1).orElseThrow();
        assertEquals(TestDefinitions.BAROMETER, published.questionnaire().id());
        assertEquals(1, published.questionnaire().version());
        assertSame(published, CATALOG.current(TestDefinitions.BAROMETER).orElseThrow());
        assertEquals(List.of(published), CATALOG.all());
    }

    @Test
    void unknownIdOrVersionIsEmpty() {
        assertEquals(Optional.empty(), CATALOG.get(TestDefinitions.BAROMETER, 2));
        assertEquals(Optional.empty(), CATALOG.get("nope", 1));
        assertEquals(Optional.empty(), CATALOG.current("nope"));
    }

    @Test
    void jsonIsTheFileAsWrittenAndTheEtagItsQuotedSha256() throws Exception {
        PublishedQuestionnaire published = CATALOG.current(TestDefinitions.BAROMETER).orElseThrow();
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/questionnaires/innovasjonsbarometer-2024/v1.json")) {
            file = in.readAllBytes();
        }
        assertArrayEquals(file, published.json());
        String etag = published.etag();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\"") && !etag.startsWith("W/"), etag);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(file);
        assertEquals(QuestionnaireCatalog.etag(file), etag);
        assertEquals(43 + 2, etag.length(), "base64url of 32 bytes without padding, quoted");
        assertEquals(HexFormat.of().formatHex(digest), HexFormat.of().formatHex(
                Base64.getUrlDecoder().decode(etag.substring(1, etag.length() - 1))));
    }

    @Test
    void definitionWithLintErrorsStopsTheLoadAndListsThem() {
        InvalidQuestionnaireException thrown = assertThrows(InvalidQuestionnaireException.class,
                () -> QuestionnaireCatalog.load("catalog-broken"));
        List<String> problems = thrown.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("DUPLICATE_CODE")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("CONDITION_REFERENCE")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("ENDS_SURVEY")), problems::toString);
        assertTrue(thrown.getMessage().contains("catalog-broken/broken/v1.json"), thrown.getMessage());
    }

    @Test
    void fileWhoseIdOrVersionDiffersFromItsPlaceIsRefused() {
        InvalidQuestionnaireException thrown = assertThrows(InvalidQuestionnaireException.class,
                () -> QuestionnaireCatalog.load("catalog-misplaced"));
        assertTrue(thrown.problems().get(0).contains("version 2"), thrown.problems()::toString);
    }

    @Test
    void missingIndexIsReported() {
        InvalidQuestionnaireException thrown = assertThrows(InvalidQuestionnaireException.class,
                () -> QuestionnaireCatalog.load("no-such-folder"));
        assertEquals(List.of("no such resource on the classpath"), thrown.problems());
    }
}
