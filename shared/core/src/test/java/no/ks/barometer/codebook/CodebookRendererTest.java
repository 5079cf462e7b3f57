package no.ks.barometer.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.questionnaire.TestDefinitions;
import org.junit.jupiter.api.Test;

public class CodebookRendererTest {
    static final String REGENERATE = "mvn -q -B -pl shared/core test-compile exec:java "
            + "-Dexec.mainClass=no.ks.barometer.codebook.CodebookRendererTest -Dexec.classpathScope=test";

    /** Writes the codebook of every published questionnaire under {@code docs/codebook/}, from the repository root. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (PublishedQuestionnaire published : QuestionnaireCatalog.fromClasspath().all()) {
            Path file = root.resolve(codebookPath(published.questionnaire()));
            Files.createDirectories(file.getParent());
            Files.writeString(file, CodebookRenderer.markdown(published.questionnaire()), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }

    private static String codebookPath(Questionnaire questionnaire) {
        return "docs/codebook/" + questionnaire.id() + "-v" + questionnaire.version() + ".md";
    }

    /** Tests run in their module's directory; the codebooks live at the repository root, beside template.yaml. */
    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("template.yaml"))) {
            directory = directory.getParent();
        }
        return directory;
    }

    @Test
    void committedCodebookIsTheRenderedOne() throws IOException {
        for (PublishedQuestionnaire published : QuestionnaireCatalog.fromClasspath().all()) {
            Path file = repositoryRoot().resolve(codebookPath(published.questionnaire()));
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(CodebookRenderer.markdown(published.questionnaire()), committed,
                    file + " is out of date; regenerate it from the repository root with: " + REGENERATE);
        }
    }

    @Test
    void everyQuestionHasItsSectionWithTypeAndWhoSeesIt() {
        Questionnaire questionnaire = TestDefinitions.engineTest();
        String markdown = CodebookRenderer.markdown(questionnaire);
        for (var question : questionnaire.questions()) {
            assertTrue(markdown.contains("\n## " + question.id() + "\n"), question.id());
        }
        assertTrue(markdown.contains("- **Type:** flere svar, inntil 2 (flervalg), lagret som `choices`"), markdown);
    }

    @Test
    void whoSeesAQuestionIsSaidInPlainNorwegian() {
        String markdown = CodebookRenderer.markdown(TestDefinitions.engineTest());
        assertTrue(markdown.contains("- **Hvem ser spørsmålet:** Vises når QA er besvart med 1 «Ja»."), markdown);
        assertTrue(markdown.contains("- **Hvem ser spørsmålet:** Vises når minst ett av 1 «Skole», 2 «Helse», "
                + "3 «Vei» er valgt i QB."), markdown);
        assertTrue(markdown.contains("- **Hvem ser spørsmålet:** Vises når QA er besvart med 1 «Ja» og det ikke er "
                + "slik at 5 «Vet ikke» er valgt i QB."), markdown);
        assertTrue(markdown.contains("- **Hvem ser spørsmålet:** Vises når QA er besvart med 2 «Nei» eller "
                + "respondenten er en fylkeskommune."), markdown);
        assertTrue(markdown.contains("- **Hvem ser spørsmålet:** Alle."), markdown);
    }

    @Test
    void optionsCarryTheirCodesAndFlags() {
        String markdown = CodebookRenderer.markdown(TestDefinitions.engineTest());
        assertTrue(markdown.contains("| 2 | Nei | avslutter undersøkelsen (status `DECLINED`) |"), markdown);
        assertTrue(markdown.contains("| 4 | Annet | ber om tekst (`other`) |"), markdown);
        assertTrue(markdown.contains("| 5 | Vet ikke | kan ikke kombineres med andre svar |"), markdown);
        assertTrue(markdown.contains("| 6 | Nabokommuner | bare for kommuner |"), markdown);
        assertTrue(markdown.contains("| 1 | Skole | bare hvis valgt i QB |"), markdown);
        assertTrue(markdown.contains("| 2 | Fylkesadministrasjonen | bare for fylkeskommuner |"), markdown);
        assertTrue(markdown.contains("| b | Nei |"), markdown);
    }

    @Test
    void codeListsAreWrittenAsRanges() {
        assertEquals("1–17", CodebookRenderer.codeRanges(List.of(3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17)));
        assertEquals("1, 2, 4–6, 9", CodebookRenderer.codeRanges(List.of(1, 2, 4, 5, 6, 9)));
    }
}
