package no.ks.barometer.http.respondent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.RequestRejected;

import java.util.Map;
import java.util.Set;

/** The strict reading shared by the request bodies: an object with known members of the right types. */
final class RequestBodies {

    private RequestBodies() {
    }

    static ObjectNode object(JsonNode body) {
        if (!body.isObject()) {
            throw new RequestRejected(ApiProblem.malformed("Innholdet må være et JSON-objekt."));
        }
        return (ObjectNode) body;
    }

    static void onlyMembers(ObjectNode object, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!known.contains(member.getKey())) {
                throw new RequestRejected(ApiProblem.malformed("Feltet «" + member.getKey() + "» er ukjent."));
            }
        }
    }

    /** The response version the client last saw: a whole number, 0 or more. */
    static long version(ObjectNode object) {
        JsonNode version = object.get("version");
        if (version == null) {
            throw new RequestRejected(ApiProblem.malformed("Feltet «version» mangler."));
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 0) {
            throw new RequestRejected(ApiProblem.malformed("Feltet «version» må være et heltall, 0 eller større."));
        }
        return version.longValue();
    }
}
