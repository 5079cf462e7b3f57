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
import no.ks.barometer.mailing.MailingSettings;
import no.ks.barometer.mailing.Pause;
import no.ks.barometer.mailing.SendingQuota;
import no.ks.barometer.outbox.FolderOutbox;
import no.ks.barometer.outbox.SendingQuotaUnknownException;
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
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one registered mailing: {@code {"surveyId": …, "mailingId": …}}, as the administrator's API invokes it
 * asynchronously or a one-time schedule fires it. Every mail is claimed with one conditional write before it is
 * handed to the outbox, so a failed run, retried by Lambda or started again, resumes and sends nobody twice
 * (docs/decisions/0012-mailer-invoked-asynchronously.md). A run that stops early fails the invocation.
 *
 * <p>Through SES, a run first reads the account's sending quota: it sends no faster than the account's
 * {@code MaxSendRate} when that is below {@code MAILS_PER_SECOND}, and does not start when the account's sending is
 * disabled. A quota it cannot read leaves the configured rate, said in the log: the rate is the operator's word
 * for the quota, as it was before the mailer read it, and a mail SES throttles is refused, given back and sent by
 * the next run, never twice. A folder outbox (the local stack) has no quota.
 */
public final class MailerHandler implements RequestStreamHandler {

    /** Set by the local stack only: the folder its outbox writes {@code .eml} files to, instead of SES. */
    public static final String OUTBOX_VARIABLE = "OUTBOX_DIR";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SurveyDao surveys;
    private final MailingService mailings;
    private final MailingSettings settings;
    private final Optional<SesOutbox> quota;
    private final PrintStream log;

    public MailerHandler() {
        this(DynamoDbClients.fromEnvironment(), DynamoDbClients.tableName(System.getenv()), Clock.systemUTC(),
                System.getenv());
    }

    public MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment) {
        this(client, tableName, clock, environment, Pause.thread(), System.out);
    }

    /** With a pause and a log of the caller's: tests wait on their own clock and read what a run logs. */
    MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment, Pause pause,
                  PrintStream log) {
        this(client, tableName, clock, environment, Delivery.of(environment, clock), pause, log);
    }

    /** With an outbox of the caller's, which has no sending quota: tests put a fault in it. */
    public MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment,
                         Outbox outbox) {
        this(client, tableName, clock, environment, new Delivery(outbox, Optional.empty()), Pause.thread(),
                System.out);
    }

    private MailerHandler(DynamoDbClient client, String tableName, Clock clock, Map<String, String> environment,
                          Delivery delivery, Pause pause, PrintStream log) {
        this.surveys = new SurveyDao(client, tableName);
        this.settings = MailerSettings.fromEnvironment(environment);
        this.mailings = new MailingService(new DynamoMailingStore(client, tableName),
                new InvitationService(new DynamoInvitationStore(client, tableName),
                        LinkKeys.fromEnvironment(environment), clock),
                delivery.outbox(), settings, clock, pause);
        this.quota = delivery.quota();
        this.log = log;
    }

    /** Where mail goes, and who tells the account's sending quota: SES does both, a folder has no quota. */
    private record Delivery(Outbox outbox, Optional<SesOutbox> quota) {

        static Delivery of(Map<String, String> environment, Clock clock) {
            String folder = environment.get(OUTBOX_VARIABLE);
            if (folder != null && !folder.isBlank()) {
                return new Delivery(new FolderOutbox(Path.of(folder), clock), Optional.empty());
            }
            SesOutbox ses = SesOutbox.fromEnvironment(environment, clock);
            return new Delivery(ses, Optional.of(ses));
        }
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

    /**
     * Sends what the mailing has not sent yet; throws when it stops early, to be run again, and before it claims
     * anything when the account's sending is disabled.
     */
    public MailingReport run(String surveyId, String mailingId) {
        Survey survey = surveys.get(surveyId).orElseThrow(() -> new IllegalArgumentException(
                "No survey " + surveyId));
        return mailings.run(survey, mailingId, rate(mailingId));
    }

    /** The rate this run sends at, under the account's quota when there is one and it can be read. */
    private double rate(String mailingId) {
        if (quota.isEmpty()) {
            return settings.mailsPerSecond();
        }
        SendingQuota account;
        try {
            account = quota.get().sendingQuota();
        } catch (SendingQuotaUnknownException unknown) {
            log(line("sendingQuotaUnknown", mailingId)
                    .put("mailsPerSecond", settings.mailsPerSecond())
                    .put("reason", unknown.getMessage()));
            return settings.mailsPerSecond();
        }
        double rate = settings.rateWithin(account);
        if (rate < settings.mailsPerSecond()) {
            log(line("sendRateLowered", mailingId)
                    .put("configuredMailsPerSecond", settings.mailsPerSecond())
                    .put("mailsPerSecond", rate));
        }
        return rate;
    }

    /** One JSON line; the rates are what the operator compares with the stack's MailsPerSecond. */
    private static ObjectNode line(String outcome, String mailingId) {
        return JSON.createObjectNode()
                .put("function", "mailer")
                .put("outcome", outcome)
                .put("mailingId", mailingId);
    }

    private void log(ObjectNode line) {
        log.println(line.toString());
    }

    private static String text(JsonNode event, String name) {
        JsonNode value = event == null ? null : event.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("The mailer's event needs \"" + name + "\" as text: " + event);
        }
        return value.textValue();
    }
}
