package no.ks.barometer.functions.questionnaire;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.http.HttpExchange;
import no.ks.barometer.http.HttpRequests;
import no.ks.barometer.http.RequestLog;
import no.ks.barometer.http.respondent.QuestionnaireReplies;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.respondent.QuestionnaireService;

/** GET /v1/questionnaires/{id}: a published questionnaire definition, public, with an ETag. */
public final class GetQuestionnaireHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String ROUTE = "GET /v1/questionnaires/{id}";

    private final QuestionnaireReplies replies;
    private final HttpExchange exchange = new HttpExchange(ROUTE, new RequestLog(System.out));

    /** Reads and lints every definition on the classpath once per container. */
    public GetQuestionnaireHandler() {
        this(QuestionnaireCatalog.fromClasspath());
    }

    public GetQuestionnaireHandler(QuestionnaireCatalog catalog) {
        this.replies = new QuestionnaireReplies(new QuestionnaireService(catalog));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return exchange.handle(event, request -> replies.get(
                HttpRequests.pathParameter(request, "id").orElse(""),
                HttpRequests.queryParameter(request, "version"),
                HttpRequests.header(request, "If-None-Match")));
    }
}
