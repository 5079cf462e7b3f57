package no.ks.barometer.functions.snapshot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.snapshot.SnapshotService;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.SnapshotServices;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot schedule (a {@code ScheduleV2} event in template.yaml): a new snapshot of every survey that takes
 * answers and whose responses changed since its latest, and one more of a survey that stopped taking answers.
 * The event's content is not read: the schedule's time says nothing the run needs. Answers what it did per survey;
 * a survey whose run fails keeps its previous latest snapshot, the others still run, and the invocation fails.
 */
public final class SnapshotHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {

    /** Read and linted once per container, on the first run. */
    private static final class Catalog {
        static final QuestionnaireCatalog QUESTIONNAIRES = QuestionnaireCatalog.fromClasspath();
    }

    /** Built once per container. */
    private static final class FromEnvironment {
        static final SnapshotService SERVICE = SnapshotServices.on(DynamoDbClients.fromEnvironment(),
                DynamoDbClients.tableName(System.getenv()), () -> Catalog.QUESTIONNAIRES, Optional.empty(),
                SnapshotServices.k(System.getenv()), Clock.systemUTC());
    }

    private final SnapshotService service;
    private final PrintStream log;

    public SnapshotHandler() {
        this(FromEnvironment.SERVICE, System.out);
    }

    /** With the default k. */
    public SnapshotHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(client, tableName, clock, Map.of());
    }

    /** @param environment the k of the disclosure control ({@code DISCLOSURE_K}), as the template sets it */
    public SnapshotHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        this(SnapshotServices.on(client, tableName, () -> Catalog.QUESTIONNAIRES, Optional.empty(),
                SnapshotServices.k(environment), clock), System.out);
    }

    SnapshotHandler(SnapshotService service, PrintStream log) {
        this.service = service;
        this.log = log;
    }

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        Map<String, String> results = new LinkedHashMap<>();
        boolean failed = false;
        for (SnapshotService.SurveyRun run : service.runSchedule()) {
            results.put(run.surveyId(), run.result().name());
            log.println("snapshot survey=" + run.surveyId() + " result=" + run.result()
                    + run.failure().map(reason -> " reason=" + reason).orElse(""));
            failed |= run.result() == SnapshotService.RunResult.FAILED;
        }
        if (failed) {
            // Reported as a failed invocation (an error in the function's metrics); every other survey still ran.
            throw new IllegalStateException("Snapshots failed for some surveys: " + results);
        }
        return results;
    }
}
