package no.ks.barometer.functions.questionnaire;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GetQuestionnaireHandlerTest {

    private static final String ID = "innovasjonsbarometer-2024";
    private final QuestionnaireCatalog catalog = QuestionnaireCatalog.fromClasspath();
    private final GetQuestionnaireHandler handler = new GetQuestionnaireHandler(catalog);
    private final PublishedQuestionnaire current = catalog.current(ID).orElseThrow();

    @Test
    void currentDefinitionIsServedAsPublishedWithItsEntityTag() {
        APIGatewayV2HTTPResponse response = get(ID, null, null);

        assertEquals(200, response.getStatusCode());
        assertEquals(new String(current.json(), StandardCharsets.UTF_8), response.getBody());
        assertEquals(current.etag(), response.getHeaders().get("ETag"));
        assertEquals("public, max-age=300", response.getHeaders().get("Cache-Control"));
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
    }

    @Test
    void pinnedVersionIsServed() {
        APIGatewayV2HTTPResponse response = get(ID, Integer.toString(current.questionnaire().version()), null);

        assertEquals(200, response.getStatusCode());
        assertEquals(current.etag(), response.getHeaders().get("ETag"));
    }

    @Test
    void currentEntityTagGetsNotModifiedWithoutBody() {
        for (String header : new String[] {current.etag(), "W/" + current.etag(), "\"other\", " + current.etag(), "*"}) {
            APIGatewayV2HTTPResponse response = get(ID, null, header);

            assertEquals(304, response.getStatusCode(), header);
            assertNull(response.getBody());
            assertEquals(current.etag(), response.getHeaders().get("ETag"));
        }
    }

    @Test
    void otherEntityTagGetsTheDefinition() {
        assertEquals(200, get(ID, null, "\"not-the-current-one\"").getStatusCode());
    }

    @Test
    void unknownQuestionnaireOrVersionIs404() {
        assertEquals(404, get("innovasjonsbarometer-1999", null, null).getStatusCode());
        assertEquals(404, get(ID, "999", null).getStatusCode());
        assertEquals(404, get("", null, null).getStatusCode());
    }

    @Test
    void versionThatIsNotAPositiveWholeNumberIs400() {
        for (String version : new String[] {"0", "-1", "1.0", "siste", "", "9999999999"}) {
            APIGatewayV2HTTPResponse response = get(ID, version, null);

            assertEquals(400, response.getStatusCode(), version);
            assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        }
    }

    private APIGatewayV2HTTPResponse get(String id, String version, String ifNoneMatch) {
        Map<String, String> headers = new HashMap<>();
        if (ifNoneMatch != null) {
            headers.put("if-none-match", ifNoneMatch);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /v1/questionnaires/{id}")
                .withRawPath("/v1/questionnaires/" + id)
                .withHeaders(headers)
                .withPathParameters(Map.of("id", id))
                .withQueryStringParameters(version == null ? null : Map.of("version", version))
                .build();
        return handler.handleRequest(event, null);
    }
}
