package no.ks.barometer.functions.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.keys.LinkKeys;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mailing.MailingReport;
import no.ks.barometer.mailing.MailingService;
import no.ks.barometer.mailing.Pause;
import no.ks.barometer.outbox.FolderOutbox;
import no.ks.barometer.outbox.SesOutbox;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs one registered mailing: {@code {"surveyId": …, "mailingId": …}}, as the administrator's API invokes it
 * asynchronously or a one-time schedule fires it. Every mail is claimed with one conditional write before it is
 * handed to the outbox, so a failed run, retried by Lambda or started again, resumes and sends nobody twice
 * (docs/decisions/0012-mailer-invoked-asynchronously.md). A run that stops early fails the invocation.
 */
public final class MailerHandler implements RequestStreamHandler {

    /** Set by the local stack only: the folder its outbox writes {@code .eml} files to, instead of SES. */
    public static final String OUTBOX_VARIABLE = "OUTBOX_DIR";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SurveyDao surveys;
    private final MailingService mailings;

    public MailerHandler() {
        this(DynamoDbClients.fromEnvironment(), DynamoDbClients.tableName(System.getenv()), Clock.systemUTC(),
                System.getenv());
    }

    public MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        this(client, tableName, clock, environment, outbox(environment, clock));
    }

    /** With an outbox of the caller's: tests put a fault in it. */
    public MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment,
                         Outbox outbox) {
        this.surveys = new SurveyDao(client, tableName);
        this.mailings = new MailingService(new DynamoMailingStore(client, tableName),
                new InvitationService(new DynamoInvitationStore(client, tableName),
                        LinkKeys.fromEnvironment(environment), clock),
                outbox, MailerSettings.fromEnvironment(environment), clock, Pause.thread());
    }

    private static Outbox outbox(Map<String, String> environment, Clock clock) {
        String folder = environment.get(OUTBOX_VARIABLE);
        if (folder != null && !folder.isBlank()) {
            return new FolderOutbox(Path.of(folder), clock);
        }
        return SesOutbox.fromEnvironment(environment, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        MailingReport report = run(text(event, "surveyId"), text(event, "mailingId"));
        ObjectNode result = JSON.createObjectNode()
                .put("mailingId", report.plan().mailing().id())
                .put("sent", report.sent().size())
                .put("claimedElsewhere", report.claimedElsewhere().size())
                .put("excluded", report.plan().excluded().size());
        JSON.writeValue(output, result);
    }

    /** Sends what the mailing has not sent yet; throws when it stops early, to be run again. */
    public MailingReport run(String surveyId, String mailingId) {
        Survey survey = surveys.get(surveyId).orElseThrow(() -> new IllegalArgumentException(
                "No survey " + surveyId));
        return mailings.run(survey, mailingId);
    }

    private static String text(JsonNode event, String name) {
        JsonNode value = event == null ? null : event.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("The mailer's event needs \"" + name + "\" as text: " + event);
        }
        return value.textValue();
    }
}
