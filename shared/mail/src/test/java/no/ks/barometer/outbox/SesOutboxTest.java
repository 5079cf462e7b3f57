package no.ks.barometer.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SES v2 adapter against an endpoint on loopback that records what it was sent; no cloud. */
class SesOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(String method, String path, JsonNode body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer ses;

    @BeforeEach
    void startSes() throws IOException {
        ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ses.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    JSON.readTree(exchange.getRequestBody())));
            byte[] body = (status == 200
                    ? "{\"MessageId\":\"0100019a-ses-message-" + received.size() + "\"}"
                    : "{\"message\":\"Maximum sending rate exceeded.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ses.start();
    }

    @AfterEach
    void stopSes() {
        ses.stop(0);
    }

    @Test
    void sendEmailCarriesTheRawMimeMessageAndItsRecipientsAndReturnsSesMessageId() throws Exception {
        SesOutbox outbox = SesOutbox.fromEnvironment(environment(), new MutableClock(TestMails.SENT));

        String messageId = outbox.send(TestMails.reminder("m1-4640"));

        assertEquals("0100019a-ses-message-1", messageId);
        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v2/email/outbound-emails", request.path());
        assertEquals("innovasjonsbarometer@ks.example", request.body().path("FromEmailAddress").asText());
        assertEquals(TestMails.CONTACTS, JSON.convertValue(request.body().path("Destination").path("ToAddresses"),
                List.class));
        byte[] raw = Base64.getDecoder().decode(request.body().path("Content").path("Raw").path("Data").asText());
        TestMails.assertReadsAsTheReminder(raw);
    }

    @Test
    void everyMailNamesTheConfigurationSetWhoseBouncesComeBackWhenOneIsGiven() throws Exception {
        Map<String, String> withSet = new HashMap<>(environment());
        withSet.put(SesOutbox.CONFIGURATION_SET_VARIABLE, "barometer-prod");

        SesOutbox.fromEnvironment(withSet, new MutableClock(TestMails.SENT)).send(TestMails.reminder("m1-4640"));
        SesOutbox.fromEnvironment(environment(), new MutableClock(TestMails.SENT)).send(TestMails.reminder("m1-4641"));

        assertEquals("barometer-prod", received.get(0).body().path("ConfigurationSetName").asText());
        assertTrue(received.get(1).body().path("ConfigurationSetName").isMissingNode());
    }

    @Test
    void errorAnswerFromSesIsARefusalAndIsNotRetried() {
        status = 429;
        SesOutbox outbox = SesOutbox.fromEnvironment(environment(), new MutableClock(TestMails.SENT));

        MailRefusedException refused = assertThrows(MailRefusedException.class,
                () -> outbox.send(TestMails.reminder("m1-4640")));

        assertInstanceOf(TooManyRequestsException.class, refused.getCause());
        assertEquals(1, received.size(), "SendEmail is never retried by the client: a retry could send twice");
    }

    private Map<String, String> environment() {
        return Map.of("AWS_REGION", "eu-north-1",
                SesOutbox.ENDPOINT_VARIABLE, "http://127.0.0.1:" + ses.getAddress().getPort());
    }
}
