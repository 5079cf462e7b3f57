package no.ks.barometer.functions.mailer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.MailingReport;
import no.ks.barometer.mailing.Pause;
import no.ks.barometer.mailing.SendingDisabledException;
import no.ks.barometer.outbox.SesOutbox;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailer as deployed, without an outbox folder: its SES v2 client (the real SDK) sends to an SES endpoint on
 * loopback that records each request, and each organisation's SendEmail carries its own working link. The endpoint
 * answers GetAccount with the account's quota of the test's choosing; the mailer waits on the test's clock, so the
 * pace it keeps is read from its waits, not from a watch.
 */
@ExtendWith(DynamoDbLocal.class)
class MailerSesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private HttpServer ses;
    private final List<JsonNode> sendEmails = new CopyOnWriteArrayList<>();
    private final AtomicInteger getAccounts = new AtomicInteger();
    private volatile int accountStatus = 200;
    private volatile String account = account(true, 5000);

    @BeforeEach
    void startSes() throws IOException {
        ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ses.createContext("/v2/email/account", exchange -> {
            try (exchange) {
                getAccounts.incrementAndGet();
                byte[] body = account.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (accountStatus != 200) {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalFailure");
                }
                exchange.sendResponseHeaders(accountStatus, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        ses.createContext("/v2/email/outbound-emails", exchange -> {
            try (exchange) {
                sendEmails.add(JSON.readTree(exchange.getRequestBody()));
                byte[] body = ("{\"MessageId\":\"ses-" + sendEmails.size() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        ses.start();
    }

    @AfterEach
    void stopSes() {
        ses.stop(0);
    }

    @Test
    void everyOrganisationsMailGoesToSesAsRawMimeWithItsOwnLinkAndTheStreamHandlerSaysHowMany(
            DynamoDbLocal.LocalTable table) throws Exception {
        MailerFixture fixture = new MailerFixture(table, "ses", 3, dir.resolve("link-key"));
        fixture.register("invitasjon", MailKind.INVITATION);
        MailerHandler handler = fixture.handler(sesEnvironment(Map.of()));

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new java.io.ByteArrayInputStream(
                "{\"surveyId\":\"ses\",\"mailingId\":\"invitasjon\"}".getBytes(StandardCharsets.UTF_8)),
                output, null);

        assertEquals(3, JSON.readTree(output.toByteArray()).path("sent").asInt(), output.toString());
        assertEquals(3, sendEmails.size());
        Map<String, String> linkByRecipient = new HashMap<>();
        for (JsonNode request : sendEmails) {
            assertEquals("innovasjonsbarometer@ks.example", request.path("FromEmailAddress").asText());
            assertEquals("barometer-test-mail", request.path("ConfigurationSetName").asText(),
                    "every mail names the configuration set its bounces come back through");
            byte[] mime = Base64.getDecoder().decode(request.at("/Content/Raw/Data").asText());
            linkByRecipient.put(request.at("/Destination/ToAddresses/0").asText(), MailerFixture.link(mime));
        }
        assertEquals(3, linkByRecipient.size(), "one SendEmail per organisation");
        assertEquals(fixture.links.values().stream().sorted().toList(),
                linkByRecipient.values().stream().sorted().toList());

        MailingReport again = handler.run("ses", "invitasjon");
        assertEquals(List.of(), again.sent(), "run again, the mailer sends nothing twice");
        assertEquals(3, sendEmails.size());
    }

    @Test
    void accountsLowerMaxSendRatePacesTheRunAndIsLoggedInOneLine(DynamoDbLocal.LocalTable table) throws Exception {
        account = account(true, 2);
        Run run = run(table, "ses-lower", "10");

        MailingReport report = run.handler.run("ses-lower", "invitasjon");

        assertEquals(3, report.sent().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), run.waits,
                "two mails a second, the account's rate, not the ten configured");
        List<JsonNode> lines = run.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("sendRateLowered", lines.get(0).path("outcome").asText());
        assertEquals(10.0, lines.get(0).path("configuredMailsPerSecond").asDouble());
        assertEquals(2.0, lines.get(0).path("mailsPerSecond").asDouble());
        assertEquals(1, getAccounts.get(), "the quota is read once, when the run starts");
    }

    @Test
    void configuredRateBelowTheAccountsIsKeptWithoutALogLine(DynamoDbLocal.LocalTable table) throws Exception {
        account = account(true, 14);
        Run run = run(table, "ses-below", "4");

        run.handler.run("ses-below", "invitasjon");

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), run.waits);
        assertEquals(List.of(), run.lines());
    }

    @Test
    void accountWhoseSendingIsDisabledRefusesTheRunBeforeAnythingIsClaimedOrSent(DynamoDbLocal.LocalTable table)
            throws Exception {
        account = account(false, 14);
        Run run = run(table, "ses-disabled", "10");

        SendingDisabledException refused = assertThrows(SendingDisabledException.class,
                () -> run.handler.run("ses-disabled", "invitasjon"));

        assertTrue(refused.getMessage().startsWith("Sending is disabled for the account"),
                refused.getMessage());
        assertEquals(List.of(), sendEmails);
        assertEquals(Map.of(), new DynamoMailingStore(table.client(), table.tableName())
                .mails("ses-disabled", "invitasjon"), "nothing claimed");
    }

    @Test
    void getAccountFailingLeavesTheConfiguredRateAndSaysSoInTheLog(DynamoDbLocal.LocalTable table)
            throws Exception {
        accountStatus = 500;
        account = "{\"message\":\"Internal failure\"}";
        Run run = run(table, "ses-failing", "4");

        MailingReport report = run.handler.run("ses-failing", "invitasjon");

        assertEquals(3, report.sent().size());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), run.waits);
        assertQuotaUnknownLogged(run, "SES GetAccount failed");
        assertEquals(1, getAccounts.get(), "GetAccount is not retried: the run goes on at the configured rate");
    }

    @Test
    void getAccountAnsweringWithoutAQuotaLeavesTheConfiguredRateAndSaysSoInTheLog(DynamoDbLocal.LocalTable table)
            throws Exception {
        account = "{\"SendingEnabled\":true}";
        Run run = run(table, "ses-no-quota", "4");

        run.handler.run("ses-no-quota", "invitasjon");

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), run.waits);
        assertQuotaUnknownLogged(run, "SES GetAccount answered without");
    }

    private static void assertQuotaUnknownLogged(Run run, String reason) throws IOException {
        List<JsonNode> lines = run.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("sendingQuotaUnknown", lines.get(0).path("outcome").asText());
        assertEquals(4.0, lines.get(0).path("mailsPerSecond").asDouble());
        assertTrue(lines.get(0).path("reason").asText().startsWith(reason), lines.toString());
    }

    /** A mailer through the loopback SES at the configured rate, with its waits and log recorded. */
    private record Run(MailerHandler handler, List<Duration> waits, ByteArrayOutputStream log) {

        List<JsonNode> lines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : log.toString(StandardCharsets.UTF_8).lines().toList()) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
    }

    private Run run(DynamoDbLocal.LocalTable table, String surveyId, String mailsPerSecond) {
        MailerFixture fixture = new MailerFixture(table, surveyId, 3, dir.resolve("link-key"));
        fixture.register("invitasjon", MailKind.INVITATION);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Pause pause = wait -> {
            waits.add(wait);
            fixture.clock.advance(wait);
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(fixture.environment);
        environment.putAll(sesEnvironment(Map.of(MailerSettings.MAILS_PER_SECOND, mailsPerSecond)));
        return new Run(new MailerHandler(table.client(), table.tableName(), fixture.clock, environment, pause,
                new PrintStream(log, true, StandardCharsets.UTF_8)), waits, log);
    }

    private Map<String, String> sesEnvironment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("AWS_REGION", "eu-north-1");
        environment.put(SesOutbox.ENDPOINT_VARIABLE, "http://127.0.0.1:" + ses.getAddress().getPort());
        environment.put(SesOutbox.CONFIGURATION_SET_VARIABLE, "barometer-test-mail");
        return environment;
    }

    /** GetAccount's answer, as SES gives it. */
    private static String account(boolean sendingEnabled, double maxSendRate) {
        return "{\"SendingEnabled\":" + sendingEnabled + ",\"ProductionAccessGranted\":true,"
                + "\"EnforcementStatus\":\"HEALTHY\",\"SendQuota\":{\"Max24HourSend\":50000.0,"
                + "\"MaxSendRate\":" + maxSendRate + ",\"SentLast24Hours\":0.0}}";
    }
}
