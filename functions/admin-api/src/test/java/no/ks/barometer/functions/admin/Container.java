package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Sends HTTP API (payload 2.0) events through the real container handler and reads what it writes back. */
public final class Container {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public record Reply(int status, Map<String, String> headers, String body, String raw) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }

    private final AdminApiHandler handler;

    public Container(AdminApiHandler handler) {
        this.handler = handler;
    }

    public Reply send(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            String raw = out.toString(StandardCharsets.UTF_8);
            JsonNode response = MAPPER.readTree(raw);
            Map<String, String> headers = new HashMap<>();
            response.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                    h.getValue().asText()));
            response.path("multiValueHeaders").properties().forEach(h -> headers.put(
                    h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0).asText()));
            String body = response.path("body").isNull() ? null : response.path("body").asText();
            if (body != null && response.path("isBase64Encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new Reply(response.path("statusCode").asInt(), headers, body, raw);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
