package no.ks.barometer.local.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.questionnaire.QuestionnaireReader;
import no.ks.barometer.rules.RulesEngine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The respondent API as the web app calls it, over real HTTP: a token's calls, and the rules of a questionnaire
 * version read once from the API. Safe to share between threads.
 */
final class RespondentApi {

    /** An answer: its status, its JSON body (null node when empty), and how long it took. */
    record Reply(int status, JsonNode body, long nanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final Consumer<Reply> observer;
    private final Map<String, RulesEngine> engines = new ConcurrentHashMap<>();

    /** @param observer sees every reply, for counting and timing */
    RespondentApi(URI baseUrl, Consumer<Reply> observer) {
        this.baseUrl = baseUrl;
        this.observer = observer;
    }

    Reply call(String token, String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        Reply reply = new Reply(response.statusCode(), json, nanos);
        observer.accept(reply);
        return reply;
    }

    /** The rules of the questionnaire version the response is pinned to, read from the API like the web app. */
    RulesEngine engine(JsonNode pinned) throws IOException, InterruptedException {
        String id = pinned.path("id").asText();
        int version = pinned.path("version").asInt();
        String key = id + "@" + version;
        RulesEngine engine = engines.get(key);
        if (engine == null) {
            HttpResponse<byte[]> definition = http.send(HttpRequest.newBuilder(
                            baseUrl.resolve("/v1/questionnaires/" + id + "?version=" + version)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (definition.statusCode() != 200) {
                throw new IllegalStateException("spørreskjemaet " + key + " svarte " + definition.statusCode());
            }
            engine = engines.computeIfAbsent(key, ignored -> new RulesEngine(
                    QuestionnaireReader.read(key, definition.body())));
        }
        return engine;
    }
}
