package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.functions.admin.AdminApiHandler;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who gets in: every route of template.yaml against every kind of credential, through the handlers on DynamoDB
 * Local. Only the intended cells are served; a refused request changes nothing in the table; a token opens only
 * its own organisation's response, never another's answers.
 *
 * <p>A route added to template.yaml fails {@link #everyRouteOfTheTemplateIsInTheMatrix} until it is entered in
 * {@link #ROUTES} with its audience and a way to call its handler. Administrator routes (AWS_IAM in the template)
 * are reachable in AWS only with an IAM signature; API Gateway refuses everything else before the function runs.
 * Their handlers are entered with {@link Audience#ADMIN}: the matrix then asserts that only the {@link
 * Credential#ADMIN} cell is served and that a respondent's bearer token is refused by the handler itself.
 */
@ExtendWith(DynamoDbLocal.class)
class AuthorizationMatrixTest {

    /** Who a route is for. */
    enum Audience {
        PUBLIC, RESPONDENT, ADMIN
    }

    /** What a request carries. {@link #RESPONDENT} is the organisation's own, valid link. */
    enum Credential {
        NONE, MALFORMED, UNKNOWN, EXPIRED, REVOKED, REPLACED, ANOTHER_ORGANISATIONS, RESPONDENT, ADMIN
    }

    /** What the matrix expects of a cell. */
    enum Outcome {
        /** 2xx; on a respondent route, for the token's own organisation only. */
        SERVED,
        /** 401 or 403, and nothing in the table changes. */
        REFUSED
    }

    static Outcome expected(Audience audience, Credential credential) {
        return switch (audience) {
            case PUBLIC -> Outcome.SERVED;
            case RESPONDENT -> credential == Credential.RESPONDENT || credential == Credential.ANOTHER_ORGANISATIONS
                    ? Outcome.SERVED : Outcome.REFUSED;
            case ADMIN -> credential == Credential.ADMIN ? Outcome.SERVED : Outcome.REFUSED;
        };
    }

    /** A request as a cell sends it: its Authorization header (or none), and the version its own response is at. */
    record Caller(String authorization, boolean iamSigned, long version) {
    }

    record RouteUnderTest(Audience audience, Function<Caller, Reply> call) {
    }

    private static final AtomicInteger NEXT_ORGANISATION = new AtomicInteger(3001);
    private static final String IAM_SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240903/eu-north-1/"
            + "execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature="
            + "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    private static RespondentClient api;
    private static List<TemplateRoute> templateRoutes;

    private static AdminApiHandler admin;

    private static final Map<String, RouteUnderTest> RESPONDENT_ROUTES = Map.of(
            "GET /v1/questionnaires/{id}", new RouteUnderTest(Audience.PUBLIC, caller -> {
                APIGatewayV2HTTPEvent event = event("GET", "/v1/questionnaires/{id}",
                        "/v1/questionnaires/innovasjonsbarometer-2024", null, caller);
                event.setPathParameters(Map.of("id", "innovasjonsbarometer-2024"));
                return Reply.of(api.questionnaires.handleRequest(event, null));
            }),
            "GET /v1/response", new RouteUnderTest(Audience.RESPONDENT, caller -> Reply.of(
                    api.getResponse.handleRequest(event("GET", "/v1/response", "/v1/response", null, caller), null))),
            "PUT /v1/response/pages/{pageId}", new RouteUnderTest(Audience.RESPONDENT, caller -> {
                APIGatewayV2HTTPEvent event = event("PUT", "/v1/response/pages/{pageId}", "/v1/response/pages/q28",
                        "{\"version\":" + caller.version() + ",\"answers\":{\"Q28\":{\"text\":\"Endret\"}}}", caller);
                event.setPathParameters(Map.of("pageId", "q28"));
                return Reply.of(api.savePage.handleRequest(event, null));
            }),
            "POST /v1/response/submit", new RouteUnderTest(Audience.RESPONDENT, caller -> Reply.of(
                    api.submit.handleRequest(event("POST", "/v1/response/submit", "/v1/response/submit",
                            "{\"version\":" + caller.version() + "}", caller), null))));

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) throws IOException {
        api = new RespondentClient(table, "who-gets-in");
        admin = new AdminApiHandler(table.client(), table.tableName(), api.clock);
        templateRoutes = TemplateRoute.read(new YAMLMapper().readTree(
                Repository.root().resolve("template.yaml").toFile()));
        ROUTES.putAll(RESPONDENT_ROUTES);
        templateRoutes.stream().filter(route -> route.function().equals(ADMIN_FUNCTION))
                .forEach(route -> ROUTES.put(route.key(), new RouteUnderTest(Audience.ADMIN,
                        caller -> callAdmin(route, caller))));
    }

    /** The administrator's API is one function; each of its routes is entered with the same way to call it. */
    private static final String ADMIN_FUNCTION = "AdminApiFunction";
    private static final Map<String, RouteUnderTest> ROUTES = new HashMap<>();

    /**
     * Calls the administrator's function as API Gateway would, its path parameters naming a survey of its own (so
     * that closing it leaves the respondents' survey open), a JSON body of {} where the route takes one. What a
     * served cell proves is that the credential got past authorization, not that the empty body is a valid action.
     */
    private static Reply callAdmin(TemplateRoute route, Caller caller) {
        String rawPath = route.path().replace("{surveyId}", "admin-matrix").replace("{orgNumber}", "3001")
                .replaceAll("\\{[^}]+}", "x");
        String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        APIGatewayV2HTTPEvent event = event(route.method(), route.path(), rawPath, body, caller);
        event.getRequestContext().setRouteKey(route.key());
        event.setRouteKey(route.key());
        try {
            ObjectNode json = RespondentClient.JSON.valueToTree(event);
            json.put("isBase64Encoded", false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            admin.handleRequest(new ByteArrayInputStream(RespondentClient.JSON.writeValueAsBytes(json)), out, null);
            JsonNode reply = RespondentClient.JSON.readTree(out.toByteArray());
            Map<String, String> headers = new HashMap<>();
            reply.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            String raw = reply.path("body").asText(null);
            return new Reply(reply.path("statusCode").asInt(), headers, raw,
                    raw == null || raw.isEmpty() ? null : RespondentClient.JSON.readTree(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRouteOfTheTemplateIsInTheMatrix() {
        assertFalse(templateRoutes.isEmpty());
        assertEquals(new TreeSet<>(ROUTES.keySet()),
                new TreeSet<>(templateRoutes.stream().map(TemplateRoute::key).toList()),
                "every route of template.yaml needs its audience and call in AuthorizationMatrixTest.ROUTES");
    }

    @Test
    void exactlyTheTemplatesIamRoutesAreForAdministrators() {
        for (TemplateRoute route : templateRoutes) {
            RouteUnderTest entered = ROUTES.get(route.key());
            assertNotNull(entered, route.key());
            assertEquals(route.iam(), entered.audience() == Audience.ADMIN, route.key());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAgainstEveryCredential() {
        List<DynamicTest> cells = new ArrayList<>();
        for (TemplateRoute route : templateRoutes) {
            RouteUnderTest entered = ROUTES.get(route.key());
            if (entered == null) {
                continue;
            }
            for (Credential credential : Credential.values()) {
                Outcome outcome = expected(entered.audience(), credential);
                cells.add(DynamicTest.dynamicTest(route.key() + " with " + credential + ": " + outcome,
                        () -> cell(entered, credential, outcome)));
            }
        }
        return cells.stream();
    }

    private static void cell(RouteUnderTest route, Credential credential, Outcome outcome) {
        Respondent victim = Respondent.answered(credential == Credential.EXPIRED ? Duration.ofHours(1)
                : RespondentClient.VALIDITY);
        Respondent owner = credential == Credential.ANOTHER_ORGANISATIONS
                ? Respondent.answered(RespondentClient.VALIDITY) : victim;
        Caller caller = switch (credential) {
            case NONE -> new Caller(null, false, victim.version());
            case MALFORMED -> new Caller("Bearer not-a-token", false, victim.version());
            case UNKNOWN -> new Caller("Bearer " + Tokens.newToken(), false, victim.version());
            case EXPIRED -> {
                api.clock.advance(Duration.ofHours(2));
                yield victim.caller();
            }
            case REVOKED -> {
                api.invitations.revoke(api.survey, victim.organisation().number());
                yield victim.caller();
            }
            case REPLACED -> {
                api.invitations.reissue(api.survey, victim.organisation().number(), RespondentClient.VALIDITY);
                yield victim.caller();
            }
            case ANOTHER_ORGANISATIONS -> owner.caller();
            case RESPONDENT -> victim.caller();
            case ADMIN -> new Caller(IAM_SIGNATURE, true, victim.version());
        };
        Map<String, Map<String, AttributeValue>> before = api.everyItem();
        Map<String, AttributeValue> victimBefore = victim.item();

        Reply reply = route.call().apply(caller);

        if (outcome == Outcome.REFUSED) {
            assertTrue(reply.status() == 401 || reply.status() == 403, reply.status() + " " + reply.raw());
            assertEquals("application/problem+json", reply.headers().get("Content-Type"));
            assertEquals(before, api.everyItem(), "a refused request changed the table");
            return;
        }
        if (route.audience() == Audience.ADMIN) {
            assertTrue(reply.status() != 401 && reply.status() != 403 && reply.status() < 500,
                    reply.status() + " " + reply.raw());
            return;
        }
        assertTrue(reply.status() >= 200 && reply.status() < 300, reply.status() + " " + reply.raw());
        if (route.audience() == Audience.RESPONDENT) {
            assertEquals(owner.organisation().number(), reply.body().path("organisation").path("number").asText());
            if (owner != victim) {
                assertEquals(victimBefore, victim.item(), "another organisation's token changed the victim's item");
                assertFalse(reply.raw().contains(victim.secret()), reply.raw());
                assertFalse(reply.raw().contains(victim.organisation().name()), reply.raw());
            }
        }
    }

    private static APIGatewayV2HTTPEvent event(String method, String routePath, String rawPath, String body,
                                               Caller caller) {
        APIGatewayV2HTTPEvent event = RespondentClient.event(method, routePath, rawPath, null, body,
                body == null ? null : "application/json");
        if (caller.authorization() != null) {
            event.getHeaders().put("authorization", caller.authorization());
        }
        if (caller.iamSigned()) {
            event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                            .withAccessKey("AKIAIOSFODNN7EXAMPLE")
                            .withAccountId("123456789012")
                            .withCallerId("AIDAEXAMPLE")
                            .withUserArn("arn:aws:iam::123456789012:user/barometer-admin")
                            .withUserId("AIDAEXAMPLE")
                            .build())
                    .build());
        }
        return event;
    }

    /** A freshly invited organisation that has answered every page of the shortest way, with a text of its own. */
    private record Respondent(Organisation organisation, String token, long version) {

        static Respondent answered(Duration validity) {
            Organisation organisation = Organisations.kommuner(NEXT_ORGANISATION.getAndIncrement(), 1).get(0);
            String token = api.invitations.invite(api.survey, organisation, validity).token();
            Respondent respondent = new Respondent(organisation, token, 0);
            Map<String, String> pages = Pages.doesNotKnow();
            pages.put("q28", "{\"Q28\":{\"text\":\"" + respondent.secret() + "\"}}");
            long version = 0;
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Reply saved = api.put(token, page.getKey(), version, page.getValue());
                assertEquals(200, saved.status(), saved.raw());
                version = saved.version();
            }
            return new Respondent(organisation, token, version);
        }

        String secret() {
            return "Svar som bare organisasjon " + organisation.number() + " skal se";
        }

        Caller caller() {
            return new Caller("Bearer " + token, false, version);
        }

        Map<String, AttributeValue> item() {
            return api.item(organisation.number());
        }
    }

    /** A route as template.yaml declares it: an HttpApi event of a function. */
    record TemplateRoute(String function, String method, String path, boolean iam) {

        String key() {
            return method + " " + path;
        }

        static List<TemplateRoute> read(JsonNode template) {
            List<TemplateRoute> routes = new ArrayList<>();
            template.path("Resources").properties().forEach(resource -> {
                JsonNode function = resource.getValue();
                if (!"AWS::Serverless::Function".equals(function.path("Type").asText())) {
                    return;
                }
                function.path("Properties").path("Events").forEach(event -> {
                    if (!"HttpApi".equals(event.path("Type").asText())) {
                        return;
                    }
                    JsonNode properties = event.path("Properties");
                    String api = properties.path("ApiId").path("Ref").asText();
                    String authorizer = properties.path("Auth").path("Authorizer").asText(template.path("Resources")
                            .path(api).path("Properties").path("Auth").path("DefaultAuthorizer").asText(""));
                    routes.add(new TemplateRoute(resource.getKey(), properties.path("Method").asText(),
                            properties.path("Path").asText(), "AWS_IAM".equals(authorizer)));
                });
            });
            return routes;
        }
    }
}
