package no.ks.barometer.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem as this API sends it.
 *
 * @param detail  Norwegian, says what happened to this request
 * @param errors  per-answer problems ({@code validation-failed}); empty otherwise
 * @param current the response as it is now ({@code version-conflict}); {@code null} otherwise
 */
public record ApiProblem(ProblemType type, String detail, List<ProblemError> errors, JsonNode current) {

    public ApiProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, List.of(), null);
    }

    /** Refusals that happen before a request reaches the respondent's data share these. */
    public static ApiProblem malformed(String detail) {
        return of(ProblemType.MALFORMED_REQUEST, detail);
    }

    /** The one answer to a missing, malformed, unknown, revoked, replaced or expired token. */
    public static final ApiProblem INVALID_TOKEN = of(ProblemType.INVALID_TOKEN,
            "Lenken du brukte er ikke gyldig. Den kan være utløpt eller erstattet av en nyere lenke. "
                    + "Bruk lenken i den siste e-posten du fikk om undersøkelsen.");
}
