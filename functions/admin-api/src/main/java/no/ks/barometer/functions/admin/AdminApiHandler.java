package no.ks.barometer.functions.admin;

import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import no.ks.barometer.admin.Administration;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.store.DynamoAuditLog;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.DynamoInvitationRecords;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.SnapshotServices;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.results.PublishedResultsFactory;
import no.ks.barometer.snapshot.SnapshotService;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Every {@code /v1/admin/} route: the Jersey application {@link AdminApplication}, run on HTTP API (payload 2.0)
 * events by AWS Serverless Java Container.
 */
public final class AdminApiHandler implements RequestStreamHandler, Resource {

    /** Built once per container, in the init phase that SnapStart snapshots. */
    private static final class FromEnvironment {
        static final JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> CONTAINER = container(
                DynamoDbClients.fromEnvironment(), DynamoDbClients.tableName(System.getenv()), Clock.systemUTC(),
                System.getenv());
    }

    /** Read and linted on first use: most routes never need it. */
    private static final class Catalog {
        static final QuestionnaireCatalog QUESTIONNAIRES = QuestionnaireCatalog.fromClasspath();
    }

    private final JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> container;

    public AdminApiHandler() {
        this(FromEnvironment.CONTAINER);
        Core.getGlobalContext().register(this);
    }

    /** Without an environment: snapshots are computed with the default k, and publishing is refused. */
    public AdminApiHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(client, tableName, clock, Map.of());
    }

    /**
     * @param environment where published snapshots go ({@code RESULTS_BUCKET}, or {@code RESULTS_DIR} in the local
     *                    stack) and the k of the disclosure control ({@code DISCLOSURE_K})
     */
    public AdminApiHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        this(container(client, tableName, clock, environment));
    }

    private AdminApiHandler(JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> container) {
        this.container = container;
    }

    private static JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> container(
            DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        Administration administration = Administration.on(new SurveyDao(client, tableName),
                new DynamoInvitationRecords(client, tableName), new DynamoInvitationStore(client, tableName),
                new DynamoAuditLog(client, tableName), () -> Catalog.QUESTIONNAIRES, clock);
        SnapshotService snapshots = SnapshotServices.on(client, tableName, () -> Catalog.QUESTIONNAIRES,
                PublishedResultsFactory.fromEnvironment(environment), SnapshotServices.k(environment), clock);
        return JerseyLambdaContainerHandler.getHttpApiV2ProxyHandler(new AdminApplication(administration, snapshots,
                clock));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        container.proxyStream(input, output, context);
    }

    /**
     * Reads the questionnaires and sends one request through the container (a survey that does not exist: one
     * GetItem, nothing written), so that a restored snapshot has the catalog, Jersey's routing, the filters, the
     * JSON writers and the DynamoDB client ready.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Catalog.QUESTIONNAIRES.all();
        try {
            handleRequest(new ByteArrayInputStream(PrimingEvent.surveyLookup().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the handler holds no time, randomness or connection that a restore makes stale.
    }
}
