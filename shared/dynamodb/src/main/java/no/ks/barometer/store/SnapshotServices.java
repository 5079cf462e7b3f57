package no.ks.barometer.store;

import no.ks.barometer.admin.AuditTrail;
import no.ks.barometer.aggregation.DisclosureControl;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.snapshot.PublishedResults;
import no.ks.barometer.snapshot.SnapshotService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The snapshot use cases on the table: what the snapshot function and the admin API both run. */
public final class SnapshotServices {

    /** The smallest base published (docs/aggregation.md); both functions that compute snapshots read it. */
    public static final String K_VARIABLE = "DISCLOSURE_K";

    private SnapshotServices() {
    }

    public static SnapshotService on(DynamoDbClient client, String tableName, Supplier<QuestionnaireCatalog> catalog,
                                     Optional<PublishedResults> results, int k, Clock clock) {
        return new SnapshotService(new SurveyDao(client, tableName), new DynamoInvitationRecords(client, tableName),
                new DynamoSnapshotStore(client, tableName), catalog, results,
                new AuditTrail(new DynamoAuditLog(client, tableName), clock), new DisclosureControl(k), clock);
    }

    /** {@value #K_VARIABLE}, or the default k when it is not set. */
    public static int k(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(K_VARIABLE)).filter(value -> !value.isBlank())
                .map(Integer::parseInt).orElse(DisclosureControl.DEFAULT_K);
    }
}
