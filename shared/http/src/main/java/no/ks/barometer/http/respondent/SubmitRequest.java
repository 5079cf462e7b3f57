package no.ks.barometer.http.respondent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of {@code POST /v1/response/submit}: {@code { "version": 7 }}, nothing else. */
public record SubmitRequest(long version) {

    public static SubmitRequest parse(JsonNode body) {
        ObjectNode object = RequestBodies.object(body);
        RequestBodies.onlyMembers(object, "version");
        return new SubmitRequest(RequestBodies.version(object));
    }
}
