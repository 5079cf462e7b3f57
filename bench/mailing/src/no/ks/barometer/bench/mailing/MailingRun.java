package no.ks.barometer.bench.mailing;

import no.ks.barometer.functions.mailer.MailerHandler;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.keys.LinkKeyFile;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingPlanner;
import no.ks.barometer.mailing.MailingReport;
import no.ks.barometer.register.Register;
import no.ks.barometer.store.BarometerTable;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One mailing of the whole 2024 register (every kommune and fylkeskommune) through the mailer function's handler to
 * a folder outbox, on the table the environment names: the survey and its invitations are made first (not timed),
 * then {@code run} is timed from the first claim to the last mail written. Args: outbox folder, link key file,
 * mailing id, mails per second. Prints {@code <sent> <ms> <files>}.
 */
public final class MailingRun {

    private MailingRun() {
    }

    public static void main(String[] args) throws IOException {
        Path outbox = Path.of(args[0]);
        Path key = Path.of(args[1]);
        String mailingId = args[2];
        Map<String, String> environment = new HashMap<>(System.getenv());
        String table = DynamoDbClients.tableName(environment);
        DynamoDbClient client = DynamoDbClients.fromEnvironment(environment);
        // The seeding is not timed; DynamoDB Local's first answers may take longer than the function's timeouts.
        DynamoDbClient setup = DynamoDbClients.builder(environment)
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2))).build();
        Clock clock = Clock.systemUTC();
        SurveyDao surveys = new SurveyDao(setup, table);
        Survey survey = setup.listTables().tableNames().contains(table) ? surveys.get("bench-mailing").orElseThrow()
                : null;
        if (survey == null) {
            setup.createTable(BarometerTable.createTableRequest(table));
            survey = new Survey("bench-mailing", "Innovasjonsbarometeret", "innovasjonsbarometer-2024", 1,
                    SurveyState.OPEN, null, Instant.now().plus(Duration.ofDays(60)),
                    URI.create("https://barometer.example/"));
            new InvitationService(new DynamoInvitationStore(setup, table), LinkKeyFile.load(key), clock)
                    .inviteAll(survey, Register.standard().all(), Duration.ofDays(365));
            surveys.put(survey);
        }
        new MailingPlanner(new DynamoMailingStore(setup, table), clock)
                .register(survey, Mailing.toEveryOpen(mailingId, MailKind.INVITATION));
        environment.put("LINK_KEY_FILE", key.toString());
        environment.put(MailerHandler.OUTBOX_VARIABLE, outbox.toString());
        environment.put("MAILS_PER_SECOND", args[3]);
        environment.putAll(Map.of("MAIL_FROM_ADDRESS", "innovasjonsbarometer@ks.example",
                "MAIL_FROM_NAME", "KS Innovasjonsbarometer", "MAIL_COMMISSIONER", "KS",
                "MAIL_PARTNER", "Analysepartner AS", "MAIL_CONTACT_NAME", "brukerstøtten",
                "MAIL_CONTACT_EMAIL", "support@partner.example"));
        MailerHandler mailer = new MailerHandler(client, table, clock, environment);

        long start = System.nanoTime();
        MailingReport report = mailer.run(survey.id(), mailingId);
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (Stream<Path> files = Files.list(outbox)) {
            long written = files.filter(f -> f.getFileName().toString().startsWith(mailingId + "-")).count();
            System.out.println(report.sent().size() + " " + millis + " " + written);
        }
    }
}
