package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.functions.questionnaire.GetQuestionnaireHandler;
import no.ks.barometer.functions.response.GetResponseHandler;
import no.ks.barometer.functions.savepage.SavePageHandler;
import no.ks.barometer.functions.submit.SubmitHandler;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Surveys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Drives the four respondent handlers as API Gateway would: HTTP API payload 2.0 events in, Lambda responses out,
 * on a table of DynamoDB Local.
 */
final class RespondentClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration VALIDITY = Duration.ofDays(90);

    final DynamoDbLocal.LocalTable table;
    final MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
    final GetQuestionnaireHandler questionnaires = new GetQuestionnaireHandler(
            no.ks.barometer.questionnaire.QuestionnaireCatalog.fromClasspath());
    final GetResponseHandler getResponse;
    final SavePageHandler savePage;
    final SubmitHandler submit;
    final InvitationService invitations;
    final SurveyDao surveys;
    final Survey survey;

    RespondentClient(DynamoDbLocal.LocalTable table, String surveyId) {
        this(table, surveyId, function -> table.client());
    }

    /** @param clientOf the client each handler uses, by the logical id of its function in template.yaml */
    RespondentClient(DynamoDbLocal.LocalTable table, String surveyId, Function<String, DynamoDbClient> clientOf) {
        this.table = table;
        this.getResponse = new GetResponseHandler(clientOf.apply("GetResponseFunction"), table.tableName(), clock);
        this.savePage = new SavePageHandler(clientOf.apply("SavePageFunction"), table.tableName(), clock);
        this.submit = new SubmitHandler(clientOf.apply("SubmitFunction"), table.tableName(), clock);
        this.invitations = new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), clock);
        this.surveys = new SurveyDao(table.client(), table.tableName());
        this.survey = Surveys.open(surveyId);
        surveys.put(survey);
    }

    /** Invites the organisation and returns the token of its link. */
    String invite(Organisation organisation) {
        return invitations.invite(survey, organisation, VALIDITY).token();
    }

    Reply questionnaire(String id, String version, String ifNoneMatch) {
        APIGatewayV2HTTPEvent event = event("GET", "/v1/questionnaires/{id}", "/v1/questionnaires/" + id, null, null,
                null);
        event.setPathParameters(Map.of("id", id));
        if (version != null) {
            event.setQueryStringParameters(Map.of("version", version));
            event.setRawQueryString("version=" + version);
        }
        if (ifNoneMatch != null) {
            event.getHeaders().put("if-none-match", ifNoneMatch);
        }
        return Reply.of(questionnaires.handleRequest(event, null));
    }

    Reply get(String token) {
        return Reply.of(getResponse.handleRequest(
                event("GET", "/v1/response", "/v1/response", token, null, null), null));
    }

    Reply put(String token, String page, long version, String answers) {
        return putRaw(token, page, "{\"version\":" + version + ",\"answers\":" + answers + "}", "application/json");
    }

    Reply putRaw(String token, String page, String body, String contentType) {
        APIGatewayV2HTTPEvent event = event("PUT", "/v1/response/pages/{pageId}", "/v1/response/pages/" + page,
                token, body, contentType);
        event.setPathParameters(Map.of("pageId", page));
        return Reply.of(savePage.handleRequest(event, null));
    }

    Reply submit(String token, long version) {
        return submitRaw(token, "{\"version\":" + version + "}", "application/json");
    }

    Reply submitRaw(String token, String body, String contentType) {
        return Reply.of(submit.handleRequest(
                event("POST", "/v1/response/submit", "/v1/response/submit", token, body, contentType), null));
    }

    /** The invitation item exactly as stored, to prove that a refused request changed nothing. */
    Map<String, AttributeValue> item(String orgNumber) {
        return table.client().getItem(GetItemRequest.builder().tableName(table.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("SURVEY#" + survey.id()),
                        "sk", AttributeValue.fromS("ORG#" + orgNumber)))
                .build()).item();
    }

    /** Every item of the table, by key, exactly as stored: a refused request must leave all of them as they were. */
    Map<String, Map<String, AttributeValue>> everyItem() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).consistentRead(true).build())
                .items().forEach(item -> items.put(item.get("pk").s() + " " + item.get("sk").s(), item));
        return items;
    }

    static APIGatewayV2HTTPEvent event(String method, String routePath, String rawPath, String token, String body,
                                       String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept", "application/json");
        headers.put("host", "abc123.execute-api.eu-north-1.amazonaws.com");
        headers.put("user-agent", "Mozilla/5.0");
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + routePath)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-" + System.nanoTime())
                        .withRouteKey(method + " " + routePath)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1")
                                .withSourceIp("192.0.2.10").withUserAgent("Mozilla/5.0").build())
                        .build())
                .build();
    }

    /** A handler's answer with its body read as JSON. */
    record Reply(int status, Map<String, String> headers, String raw, JsonNode body) {

        static Reply of(APIGatewayV2HTTPResponse response) {
            try {
                JsonNode body = response.getBody() == null ? null : JSON.readTree(response.getBody());
                return new Reply(response.getStatusCode(), response.getHeaders(), response.getBody(), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long version() {
            return body.get("version").longValue();
        }

        String text(String member) {
            return body.path(member).asText(null);
        }

        String problemType() {
            return body.get("type").textValue();
        }
    }
}
