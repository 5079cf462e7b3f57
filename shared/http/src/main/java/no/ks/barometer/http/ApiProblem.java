package no.ks.barometer.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem as this API sends it.
 *
 * @param detail        Norwegian, says what happened to this request
 * @param errors        per-answer problems ({@code validation-failed}), at most {@link #MAX_ERRORS}; empty otherwise
 * @param omittedErrors how many further per-answer problems were found but left out of {@code errors}
 * @param current       the response as it is now ({@code version-conflict}); {@code null} otherwise
 * @param challenge     the {@code WWW-Authenticate} challenge (RFC 6750) that every 401 carries; {@code null} for
 *                      every other status
 */
public record ApiProblem(ProblemType type, String detail, List<ProblemError> errors, int omittedErrors,
                         JsonNode current, String challenge) {

    /**
     * The most errors one body lists. A page has a few questions and a respondent fixes a few answers at a time,
     * so this is far above any honest page; a body of thousands of bad choices would otherwise be answered with a
     * problem many times its own size.
     */
    public static final int MAX_ERRORS = 50;

    public ApiProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
        if (errors.size() > MAX_ERRORS || omittedErrors < 0) {
            throw new IllegalArgumentException(errors.size() + " errors listed, " + omittedErrors + " omitted");
        }
        if ((type.status() == 401) != (challenge != null)) {
            throw new IllegalArgumentException("A 401 and only a 401 carries a challenge: " + type);
        }
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, detail, List.of(), 0, null, null);
    }

    /** Refusals that happen before a request reaches the respondent's data share these. */
    public static ApiProblem malformed(String detail) {
        return of(ProblemType.MALFORMED_REQUEST, detail);
    }

    /** {@code version-conflict} with the response as it is now. */
    public static ApiProblem conflict(String detail, JsonNode current) {
        return new ApiProblem(ProblemType.VERSION_CONFLICT, detail, List.of(), 0, Objects.requireNonNull(current),
                null);
    }

    /**
     * {@code validation-failed} listing the first error of each kind (question and code) and at most
     * {@link #MAX_ERRORS} in all; the detail and {@code omittedErrors} say how many were left out.
     */
    public static ApiProblem validationFailed(String detail, List<ProblemError> found) {
        record Kind(String question, String code) {
        }
        Set<Kind> listed = new HashSet<>();
        List<ProblemError> errors = new ArrayList<>();
        for (ProblemError error : found) {
            if (errors.size() < MAX_ERRORS && listed.add(new Kind(error.question(), error.code()))) {
                errors.add(error);
            }
        }
        int omitted = found.size() - errors.size();
        String said = omitted == 0 ? detail
                : detail + " Listen er forkortet: " + omitted + " feil til er utelatt. Rett det som står her først.";
        return new ApiProblem(ProblemType.VALIDATION_FAILED, said, errors, omitted, null, null);
    }

    private static final String TOKEN_DETAIL = "Lenken du brukte er ikke gyldig. Den kan være utløpt eller erstattet "
            + "av en nyere lenke. Bruk lenken i den siste e-posten du fikk om undersøkelsen.";
    private static final String REALM = "Bearer realm=\"barometer\"";

    /** A request without a bearer token: the challenge names the scheme and no error (RFC 6750, section 3). */
    public static final ApiProblem NO_TOKEN = new ApiProblem(ProblemType.INVALID_TOKEN, TOKEN_DETAIL, List.of(), 0,
            null, REALM);

    /**
     * A malformed, unknown, revoked, replaced or expired token. The body is the one a request without a token gets,
     * so that it tells nothing about which it was.
     */
    public static final ApiProblem INVALID_TOKEN = new ApiProblem(ProblemType.INVALID_TOKEN, TOKEN_DETAIL, List.of(),
            0, null, REALM + ", error=\"invalid_token\"");
}
