package no.ks.barometer.http;

import java.util.Map;

/**
 * What a handler answers, before it becomes a Lambda response.
 *
 * @param body      the body text, {@code null} for none
 * @param orgNumber the organisation the request was for, once known; for the request log only
 * @param problem   the problem type when the reply is a problem; for the request log only
 */
public record ApiReply(int status, Map<String, String> headers, String body, String orgNumber, ProblemType problem) {

    public ApiReply {
        headers = Map.copyOf(headers);
    }

    public ApiReply forOrganisation(String number) {
        return new ApiReply(status, headers, body, number, problem);
    }
}
