package no.ks.barometer.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.NotFoundException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The KMS adapter against a KMS look-alike on loopback that computes the MAC with a key it alone holds. */
class KmsLinkKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "arn:aws:kms:eu-north-1:111122223333:key/link-key";

    private final HmacLinkKey keyInsideKms = HmacLinkKey.ephemeral();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private HttpServer kms;

    @BeforeEach
    void startKms() throws IOException {
        kms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kms.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body;
            int status;
            if (KEY_ID.equals(request.path("KeyId").asText())) {
                byte[] mac = keyInsideKms.mac(Base64.getDecoder().decode(request.path("Message").asText()));
                body = JSON.writeValueAsBytes(Map.of("KeyId", KEY_ID, "MacAlgorithm", "HMAC_SHA_256",
                        "Mac", Base64.getEncoder().encodeToString(mac)));
                status = 200;
            } else {
                body = "{\"__type\":\"NotFoundException\",\"message\":\"no such key\"}".getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        kms.start();
    }

    @AfterEach
    void stopKms() {
        kms.stop(0);
    }

    @Test
    void tokenMadeThroughKmsIsTheHmacOfTheKeyInKms() {
        KmsLinkKey key = KmsLinkKey.fromEnvironment(environment(KEY_ID));

        String token = Tokens.derive(key, "survey-2024", "3101", 3);

        assertEquals(Tokens.derive(keyInsideKms, "survey-2024", "3101", 3), token);
        assertEquals(List.of("TrentService.GenerateMac"), targets);
        assertEquals(KEY_ID, requests.get(0).path("KeyId").asText());
        assertEquals("HMAC_SHA_256", requests.get(0).path("MacAlgorithm").asText());
    }

    @Test
    void unknownKeyFailsInsteadOfMakingALink() {
        KmsLinkKey key = KmsLinkKey.fromEnvironment(environment("alias/missing"));

        assertThrows(NotFoundException.class, () -> Tokens.derive(key, "survey-2024", "3101", 1));
    }

    @Test
    void withoutAKeyIdNoKeyIsMade() {
        assertThrows(IllegalStateException.class, () -> KmsLinkKey.fromEnvironment(Map.of("AWS_REGION", "eu-north-1")));
    }

    private Map<String, String> environment(String keyId) {
        return Map.of(KmsLinkKey.KEY_ID_VARIABLE, keyId, "AWS_REGION", "eu-north-1",
                KmsLinkKey.ENDPOINT_VARIABLE, "http://127.0.0.1:" + kms.getAddress().getPort());
    }
}
