package no.ks.barometer.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.TestDefinitions;
import no.ks.barometer.register.Register;
import no.ks.barometer.rules.RulesEngine;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the results page's tests read ({@code web/test/fixtures/snapshot.json}) is what SnapshotJson writes
 * for a seeded synthetic fieldwork on the real questionnaire and register: a first snapshot, then a second after a
 * few more organisations finished, so that it has published, carried-forward and suppressed figures. The fixture
 * cannot drift from the format: when the format or the control changes, this test fails until the fixture is
 * written again with {@code -Dfixture.write=true}.
 */
class ResultsPageFixtureTest {
    private static final Path FIXTURE = Path.of("../../web/test/fixtures/snapshot.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 2024;
    private static final int FINISHED_FIRST = 160;
    private static final int FINISHED_SINCE = 3;

    @Test
    void theResultsPageFixtureIsWhatSnapshotJsonWritesForTheSeededFieldwork() throws IOException {
        String written = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(SnapshotJson.write(secondSnapshot()));
        if (Boolean.getBoolean("fixture.write")) {
            Files.writeString(FIXTURE, written + "\n", StandardCharsets.UTF_8);
        }
        // Compared as read back, so that the numbers' node types (int or long) do not matter, only their values.
        assertTrue(JSON.readTree(written).equals(JSON.readTree(FIXTURE.toFile())),
                "web/test/fixtures/snapshot.json is out of date: run this test with -Dfixture.write=true");
    }

    @Test
    void theFixtureHasPublishedCarriedForwardAndSuppressedFigures() {
        Snapshot snapshot = secondSnapshot();
        Set<Disclosure> seen = EnumSet.noneOf(Disclosure.class);
        snapshot.tables().forEach(table -> table.segments().forEach(figures -> seen.add(figures.disclosure())));
        assertEquals(EnumSet.allOf(Disclosure.class), seen);
        assertNull(snapshot.completed(), "the completed count itself is withheld, so the page must say so");
    }

    private static Snapshot secondSnapshot() {
        RulesEngine engine = new RulesEngine(TestDefinitions.barometer());
        Random random = new Random(SEED);
        List<Organisation> register = new ArrayList<>(Register.standard().all());
        Collections.shuffle(register, random);
        RandomResponses respondents = new RandomResponses(engine, random);
        List<ResponseRecord> finished = register.stream().limit(FINISHED_FIRST + FINISHED_SINCE)
                .map(respondents::finished).toList();
        DisclosureControl control = new DisclosureControl(DisclosureControl.DEFAULT_K);
        Instant first = Instant.parse("2024-09-02T07:00:00.000Z");
        TableLayout layout = new TableLayout(engine);
        Publication earlier = control.publish(counts(layout, register, finished, FINISHED_FIRST), PublicationState.none(),
                "2024-09-02T07-00-00Z", first);
        return control.publish(counts(layout, register, finished, FINISHED_FIRST + FINISHED_SINCE), earlier.state(),
                "2024-09-02T07-15-00Z", first.plusSeconds(15 * 60)).snapshot();
    }

    /** The first {@code done} organisations of the shuffled register have finished; the rest are invited. */
    private static Counts counts(TableLayout layout, List<Organisation> register, List<ResponseRecord> finished,
                                 int done) {
        Aggregator aggregator = new Aggregator(layout);
        for (int i = 0; i < register.size(); i++) {
            aggregator.accept(i < done ? finished.get(i) : RandomResponses.invited(register.get(i)));
        }
        return aggregator.counts();
    }
}
