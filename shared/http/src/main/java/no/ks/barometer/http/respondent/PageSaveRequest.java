package no.ks.barometer.http.respondent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.RequestRejected;

/**
 * The body of {@code PUT /v1/response/pages/{pageId}}: {@code { "version": 3, "answers": { … } }}, nothing else.
 *
 * @param answers the answers as sent, read against the questionnaire by the rules engine; not to be modified
 */
public record PageSaveRequest(long version, ObjectNode answers) {

    public static PageSaveRequest parse(JsonNode body) {
        ObjectNode object = RequestBodies.object(body);
        RequestBodies.onlyMembers(object, "version", "answers");
        long version = RequestBodies.version(object);
        JsonNode answers = object.get("answers");
        if (answers == null) {
            throw new RequestRejected(ApiProblem.malformed("Feltet «answers» mangler."));
        }
        if (!answers.isObject()) {
            throw new RequestRejected(ApiProblem.malformed("Feltet «answers» må være et objekt."));
        }
        return new PageSaveRequest(version, (ObjectNode) answers);
    }
}
