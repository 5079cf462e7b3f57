package no.ks.barometer.functions.mailer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.MailingReport;
import no.ks.barometer.outbox.SesOutbox;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mailer as deployed, without an outbox folder: its SES v2 client (the real SDK) sends to an SES endpoint on
 * loopback that records each request, and each organisation's SendEmail carries its own working link.
 */
@ExtendWith(DynamoDbLocal.class)
class MailerSesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private HttpServer ses;
    private final List<JsonNode> sendEmails = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSes() throws IOException {
        ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        Map<String, String> sesEnvironment = new HashMap<>();
        sesEnvironment.put("AWS_REGION", "eu-north-1");
        sesEnvironment.put(SesOutbox.ENDPOINT_VARIABLE, "http://127.0.0.1:" + ses.getAddress().getPort());
        sesEnvironment.put(SesOutbox.CONFIGURATION_SET_VARIABLE, "barometer-test-mail");
        MailerHandler handler = fixture.handler(sesEnvironment);

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
}
