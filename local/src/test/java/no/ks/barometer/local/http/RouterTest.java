package no.ks.barometer.local.http;

import no.ks.barometer.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private static String template(String events) {
        return """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: x.jar
                      Handler: no.example.H::handleRequest
                      Events:
                """ + events;
    }

    private static String event(String name, String method, String path) {
        return "        " + name + ":\n"
                + "          Type: HttpApi\n"
                + "          Properties:\n"
                + "            Method: " + method + "\n"
                + "            Path: " + path + "\n";
    }

    private static final Router ROUTER = Router.from(SamTemplate.parse(template(
            event("A", "GET", "/v1/response")
                    + event("B", "PUT", "/v1/response/pages/{pageId}")
                    + event("C", "GET", "/v1/questionnaires/{id}")
                    + event("D", "ANY", "/v1/any/{proxy+}")
                    + event("E", "POST", "/v1/questionnaires/{id}"))));

    @Test
    void parameterSegmentMatchesOneSegment() {
        Router.Found found = assertInstanceOf(Router.Found.class, ROUTER.find("PUT", "/v1/response/pages/q4"));
        assertEquals(Map.of("pageId", "q4"), found.pathParameters());
        assertInstanceOf(Router.NotFound.class, ROUTER.find("PUT", "/v1/response/pages/q4/extra"));
        assertInstanceOf(Router.NotFound.class, ROUTER.find("PUT", "/v1/response/pages/"));
    }

    @Test
    void anyMethodMatchesEveryMethod() {
        Router.Found found = assertInstanceOf(Router.Found.class, ROUTER.find("DELETE", "/v1/any/x/y"));
        assertEquals(Map.of("proxy", "x/y"), found.pathParameters());
    }

    @Test
    void greedyParameterNeedsAtLeastOneSegment() {
        assertInstanceOf(Router.NotFound.class, ROUTER.find("GET", "/v1/any"));
    }

    @Test
    void pathWithOtherMethodsIsMethodNotAllowed() {
        Router.MethodNotAllowed notAllowed =
                assertInstanceOf(Router.MethodNotAllowed.class, ROUTER.find("DELETE", "/v1/questionnaires/x"));
        assertEquals(Set.of("GET", "POST"), notAllowed.allowed());
    }

    @Test
    void apiPathsAreThoseUnderARoutesFirstSegment() {
        assertTrue(ROUTER.isApiPath("/v1/anything"));
        assertTrue(ROUTER.isApiPath("/v1"));
        assertFalse(ROUTER.isApiPath("/index.html"));
        assertFalse(ROUTER.isApiPath("/"));
    }

    @Test
    void duplicateRouteIsRefused() {
        assertThrows(IllegalStateException.class, () -> Router.from(SamTemplate.parse(template(
                event("A", "GET", "/v1/x") + event("B", "get", "/v1/x")))));
    }

    @Test
    void greedyParameterMustBeLast() {
        assertThrows(IllegalArgumentException.class, () -> RoutePattern.parse("/v1/{proxy+}/more"));
    }
}
