package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.FieldError;
import no.ks.barometer.admin.Outcome;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.Json;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.Replies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Outcomes of the use cases as HTTP answers, with the respondent API's headers and problem bodies. */
final class Answers {

    static final String PROBLEM_JSON = Replies.PROBLEM_JSON;

    private Answers() {
    }

    static <T> Response of(Outcome<T> outcome, int status, Function<T, JsonNode> view) {
        return switch (outcome) {
            case Outcome.Done<T> done -> json(status, view.apply(done.value()));
            case Outcome.Refused<T> refused -> refusal(refused);
        };
    }

    static Response json(int status, JsonNode body) {
        return response(Replies.json(status, body));
    }

    static Response problem(ApiProblem problem) {
        return response(Replies.problem(problem));
    }

    static Response refusal(Outcome.Refused<?> refused) {
        ProblemType type = switch (refused.reason()) {
            case INVALID_REQUEST -> ProblemType.MALFORMED_REQUEST;
            case INVALID_REGISTER -> ProblemType.INVALID_REGISTER;
            case SURVEY_NOT_FOUND -> ProblemType.SURVEY_NOT_FOUND;
            case SURVEY_EXISTS -> ProblemType.SURVEY_EXISTS;
            case QUESTIONNAIRE_NOT_FOUND -> ProblemType.QUESTIONNAIRE_NOT_FOUND;
            case NOT_INVITED -> ProblemType.NOT_INVITED;
            case CHANGED_MEANWHILE -> ProblemType.CHANGED_MEANWHILE;
            case SURVEY_NOT_OPEN -> ProblemType.SURVEY_NOT_OPEN;
            case MAILING_NOT_FOUND -> ProblemType.MAILING_NOT_FOUND;
            case MAILING_EXISTS -> ProblemType.MAILING_EXISTS;
            case SNAPSHOT_NOT_FOUND -> ProblemType.SNAPSHOT_NOT_FOUND;
            case UNAVAILABLE -> ProblemType.SERVICE_UNAVAILABLE;
        };
        ApiReply reply = Replies.problem(ApiProblem.of(type, refused.detail()));
        if (refused.errors().isEmpty()) {
            return response(reply);
        }
        // The respondent API's errors name questions; a register's name lines and fields.
        ObjectNode body = object(reply.body());
        ArrayNode errors = body.putArray("errors");
        for (FieldError error : refused.errors()) {
            errors.addObject().put("line", error.line()).put("field", error.field()).put("message", error.message());
        }
        return response(new ApiReply(reply.status(), reply.headers(), Json.write(body), null, reply.problem()));
    }

    static Response response(ApiReply reply) {
        Response.ResponseBuilder builder = Response.status(reply.status()).entity(reply.body());
        reply.headers().forEach(builder::header);
        return builder.build();
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
