package no.ks.barometer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Calls the administrator's API: one request per command, authorised by a token or a SigV4 signature. */
final class ApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Headers java.net.http sets itself and refuses from callers; the signature covers the same values. */
    private static final List<String> RESTRICTED = List.of("host", "content-length", "connection", "expect", "upgrade");

    /** What a request carries to prove who sends it. */
    interface Authorizer {
        /** The headers to add to a request with this method, address and body. */
        Map<String, List<String>> headers(String method, URI uri, Map<String, String> headers, byte[] body);
    }

    /** A reply read whole. */
    record Reply(int status, String contentType, byte[] body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new CliException(2, "Svaret er ikke JSON: " + new String(body, StandardCharsets.UTF_8));
            }
        }
    }

    private final URI base;
    private final Authorizer authorizer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI base, Authorizer authorizer) {
        this.base = base;
        this.authorizer = authorizer;
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, byte[] body, String contentType) {
        return send("POST", path, body, contentType);
    }

    /** The reply of a 2xx; anything else becomes a {@link CliException} with the problem's words. */
    Reply send(String method, String path, byte[] body, String contentType) {
        HttpResponse<byte[]> response = exchange(method, path, body, contentType, HttpResponse.BodyHandlers.ofByteArray());
        Reply reply = new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body());
        if (response.statusCode() >= 300) {
            throw CliException.of(reply);
        }
        return reply;
    }

    /** Follows a download: the length the server announced (-1 if none), then the bytes received so far. */
    interface Transfer {
        void started(long length);

        void received(long bytes);
    }

    /** Streams a 2xx body to {@code out}, reporting to {@code transfer} as it arrives. */
    void download(String path, OutputStream out, Transfer transfer) {
        HttpResponse<InputStream> response = exchange("GET", path, null, null, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 300) {
                throw CliException.of(new Reply(response.statusCode(),
                        response.headers().firstValue("content-type").orElse(""), in.readAllBytes()));
            }
            transfer.started(response.headers().firstValueAsLong("content-length").orElse(-1));
            byte[] buffer = new byte[16 * 1024];
            long done = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                done += read;
                transfer.received(done);
            }
        } catch (IOException e) {
            throw new CliException(2, "Nedlastingen stoppet: " + e.getMessage());
        }
    }

    private <T> HttpResponse<T> exchange(String method, String path, byte[] body, String contentType,
                                         HttpResponse.BodyHandler<T> handler) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + path);
        Map<String, String> headers = contentType == null ? Map.of("accept", "application/json")
                : Map.of("accept", "application/json", "content-type", contentType);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        authorizer.headers(method, uri, headers, body).forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !headers.containsKey(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new CliException(2, "Fikk ikke kontakt med " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(2, "Avbrutt");
        }
    }
}
