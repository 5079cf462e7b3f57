package no.ks.barometer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A command that could not do what was asked, with what to tell the person and the exit status: 1 when the API
 * refused the request (a 4xx problem), 2 when it or the way to it failed.
 */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /**
     * API Gateway's own refusal ({@code {"message": "Forbidden"}}), sent before any function runs: for {@code 403}
     * the request's identity was not accepted, which is what the person can do something about.
     */
    private static CliException gatewayRefusal(int exit, int status, String message) {
        String hint = status == 403
                ? " (API-et godtok ikke identiteten: admin-tokenet fra den lokale stacken, eller AWS-legitimasjon med"
                        + " tilgang til administrasjonsrutene)"
                : "";
        return new CliException(exit, "HTTP " + status + ": " + message + hint);
    }

    /** A problem reply in its own words: title, detail, and each error (a register's by line and field). */
    static CliException of(ApiClient.Reply reply) {
        int exit = reply.status() >= 500 ? 2 : 1;
        try {
            JsonNode problem = new ObjectMapper().readTree(reply.body());
            if (!problem.has("title") && problem.path("message").isTextual()) {
                return gatewayRefusal(exit, reply.status(), problem.path("message").asText());
            }
            StringBuilder message = new StringBuilder(problem.path("title").asText("HTTP " + reply.status()))
                    .append(" (").append(reply.status()).append("): ").append(problem.path("detail").asText());
            for (JsonNode error : problem.path("errors")) {
                message.append(System.lineSeparator()).append("  linje ").append(error.path("line").asInt())
                        .append(", ").append(error.path("field").asText()).append(": ")
                        .append(error.path("message").asText());
            }
            return new CliException(exit, message.toString());
        } catch (IOException | RuntimeException e) {
            return new CliException(exit, "HTTP " + reply.status() + ": "
                    + new String(reply.body(), StandardCharsets.UTF_8));
        }
    }
}
