package no.ks.barometer.local;

import no.ks.barometer.local.simulation.LoadReport;
import no.ks.barometer.local.simulation.LoadRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short form of the load run (the full one is {@code bench/load/run.sh}): every organisation of the register
 * answers its first pages at once through the local stack's HTTP API, with pauses, going back, a second tab and
 * retries, and nothing is lost.
 */
class LoadTest {

    /** Enough pages for every kind of step to happen many times over, few enough to stay well under a minute. */
    private static final LoadRun.Settings SHORT = new LoadRun.Settings(Duration.ofMillis(20), 3, 1);

    @TempDir
    static Path dir;
    private static LocalStack stack;
    private static LoadReport report;

    @BeforeAll
    static void run() throws Exception {
        Path web = dir.resolve("web");
        Files.createDirectories(web);
        stack = LocalStack.start(Options.parse("--port", "0", "--web", web.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        report = LoadRun.run(stack.baseUrl(), stack.links(), SHORT);
        System.out.print(report.summary());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOrganisationAnswersAtOnce() {
        assertEquals(371, report.respondents());
    }

    @Test
    void everyStoredResponseEqualsWhatItsClientLastHadConfirmed() {
        assertEquals(List.of(), report.problems());
    }

    @Test
    void noRequestFailsWithAServerError() {
        assertEquals(0, report.serverErrors(), report.summary());
    }

    @Test
    void everyKindOfStepWasTakenAtLeastTenTimes() {
        for (LoadRun.Step step : List.of(LoadRun.Step.NEXT_PAGE, LoadRun.Step.BACK_AND_CHANGE,
                LoadRun.Step.SECOND_TAB, LoadRun.Step.RETRY, LoadRun.Step.CONFLICT)) {
            assertTrue(report.steps().get(step) >= 10, step + ": " + report.steps());
        }
    }
}
