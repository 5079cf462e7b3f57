package no.ks.barometer.bench.respondent;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.functions.savepage.SavePageHandler;

import java.time.Instant;
import java.util.Map;

/**
 * One cold start, as Lambda's init and first invoke: build the handler (its static init builds the clients and
 * reads the questionnaires), answer one request, print the wall-clock instant of the answer in nanoseconds. The
 * caller took the instant before starting this JVM.
 *
 * <p>Arguments: {@code save-page <token>} or {@code raw-get <surveyId> <orgNumber>}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        APIGatewayV2HTTPResponse response = switch (args[0]) {
            case "save-page" -> new SavePageHandler().handleRequest(
                    Events.savePage(args[1], "q0", 0, "{\"Q0\":{\"choice\":1}}"), null);
            case "raw-get" -> new RawGetItemHandler().handleRequest(APIGatewayV2HTTPEvent.builder()
                    .withPathParameters(Map.of("survey", args[1], "org", args[2])).build(), null);
            default -> throw new IllegalArgumentException("save-page or raw-get, not " + args[0]);
        };
        Instant answered = Instant.now();
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("Expected 200, got " + response.getStatusCode() + ": " + response.getBody());
        }
        System.err.println("answered " + (answered.getEpochSecond() * 1_000_000_000L + answered.getNano()));
    }
}
