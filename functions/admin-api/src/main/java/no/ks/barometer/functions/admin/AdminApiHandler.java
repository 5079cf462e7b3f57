package no.ks.barometer.functions.admin;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import no.ks.barometer.admin.Administration;
import no.ks.barometer.admin.MailingAdmin;
import no.ks.barometer.keys.LinkKeys;
import no.ks.barometer.mailing.MailerTrigger;
import no.ks.barometer.mailing.MailingSchedule;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.LinkKey;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every {@code /v1/admin/} route: the Jersey application {@link AdminApplication}, run on HTTP API (payload 2.0)
 * events by AWS Serverless Java Container.
 */
public final class AdminApiHandler implements RequestStreamHandler, Resource {

    /**
     * Built once per container, in the init phase that SnapStart snapshots. The DynamoDB client is built on a
     * thread of its own while Jersey starts on this one: the two do not depend on each other, take about as long
     * (BENCHMARKS.md), and the function has two vCPUs (template.yaml). The use cases hold the client before it is
     * ready; their first call waits for it.
     */
    private static final class FromEnvironment {
        private static final CompletableFuture<DynamoDbClient> CLIENT = CompletableFuture.supplyAsync(
                DynamoDbClients::fromEnvironment, task -> Thread.ofPlatform().daemon().name("barometer-dynamodb-client")
                        .start(task));
        static final JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> CONTAINER = container(
                Deferred.of(DynamoDbClient.class, CLIENT), DynamoDbClients.tableName(System.getenv()),
                Clock.systemUTC(), Wiring.fromEnvironment(System.getenv()), System.getenv());
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

    /**
     * Without mailing and publishing: links from a key that ends with this process, starting or scheduling a mailing
     * fails, snapshots are computed with the default k and publishing one is refused. For tests of the other routes.
     */
    public AdminApiHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(container(client, tableName, clock, Wiring.withoutMailing(), Map.of()));
    }

    /**
     * As in AWS, configured by {@code environment}: the link key, the mailer to invoke, the schedule group (the
     * local stack points these at itself), where published snapshots go ({@code RESULTS_BUCKET}, or
     * {@code RESULTS_DIR} in the local stack) and the k of the disclosure control ({@code DISCLOSURE_K}).
     */
    public AdminApiHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        this(container(client, tableName, clock, Wiring.fromEnvironment(environment), environment));
    }

    private AdminApiHandler(JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> container) {
        this.container = container;
    }

    private static JerseyLambdaContainerHandler<HttpApiV2ProxyRequest, AwsProxyResponse> container(
            DynamoDbClient client, String tableName, Clock clock, Wiring wiring, Map<String, String> environment) {
        SurveyDao surveys = new SurveyDao(client, tableName);
        Administration administration = Administration.on(surveys,
                new DynamoInvitationRecords(client, tableName), new DynamoInvitationStore(client, tableName),
                new DynamoAuditLog(client, tableName), () -> Catalog.QUESTIONNAIRES, wiring.linkKey(), clock);
        MailingAdmin mailings = new MailingAdmin(surveys, new DynamoMailingStore(client, tableName), wiring.trigger(),
                wiring.schedule(), administration.audit(), clock);
        SnapshotService snapshots = SnapshotServices.on(client, tableName, () -> Catalog.QUESTIONNAIRES,
                PublishedResultsFactory.fromEnvironment(environment), SnapshotServices.k(environment), clock);
        // The handler reads and writes events itself (HttpApiEvents): the container's mapper would otherwise build
        // its reader and writer for the event model as the container is made, for nothing.
        LambdaContainerHandler.getObjectMapper().disable(DeserializationFeature.EAGER_DESERIALIZER_FETCH)
                .disable(SerializationFeature.EAGER_SERIALIZER_FETCH);
        return JerseyLambdaContainerHandler.getHttpApiV2ProxyHandler(
                new AdminApplication(administration, mailings, snapshots, clock));
    }

    /** What the handler needs beyond the table: the link key and the ways to set the mailer going. */
    private record Wiring(LinkKey linkKey, MailerTrigger trigger, MailingSchedule schedule) {

        /**
         * The clients (KMS for the link key in AWS, Lambda, Scheduler) are built on first use, so routes that
         * derive no link and never mail do not pay for them at a cold start.
         */
        static Wiring fromEnvironment(Map<String, String> environment) {
            Once<LinkKey> linkKey = new Once<>(() -> LinkKeys.fromEnvironment(environment));
            Once<MailerTrigger> trigger = new Once<>(() -> LambdaMailerTrigger.fromEnvironment(environment));
            Once<MailingSchedule> schedule = new Once<>(() -> SchedulerMailingSchedule.fromEnvironment(environment));
            return new Wiring(message -> linkKey.get().mac(message),
                    (surveyId, mailingId) -> trigger.get().start(surveyId, mailingId),
                    (surveyId, mailingId, at) -> schedule.get().runAt(surveyId, mailingId, at));
        }

        static Wiring withoutMailing() {
            MailerTrigger none = (surveyId, mailingId) -> {
                throw new IllegalStateException("This handler was built without a mailer");
            };
            MailingSchedule noSchedule = (surveyId, mailingId, at) -> {
                throw new IllegalStateException("This handler was built without a scheduler");
            };
            return new Wiring(HmacLinkKey.ephemeral(), none, noSchedule);
        }
    }

    /** A value made when first asked for, then kept. */
    private static final class Once<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiEvents.write(container.proxy(HttpApiEvents.read(input), context), output);
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
