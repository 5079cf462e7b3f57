package no.ks.barometer.functions.savepage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.http.HttpExchange;
import no.ks.barometer.http.HttpRequests;
import no.ks.barometer.http.RequestLog;
import no.ks.barometer.http.respondent.PageSaveRequest;
import no.ks.barometer.http.respondent.Priming;
import no.ks.barometer.http.respondent.RespondentReplies;
import no.ks.barometer.respondent.PageSaving;
import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.ResponseFinders;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** PUT /v1/response/pages/{pageId}: validates one page against everything answered before and stores it. */
public final class SavePageHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    static final String ROUTE = "PUT /v1/response/pages/{pageId}";

    /** Built once per container, in the init phase that SnapStart snapshots. */
    private static final class FromEnvironment {
        static final ResponseFinder FINDER = ResponseFinders.on(DynamoDbClients.fromEnvironment(),
                DynamoDbClients.tableName(System.getenv()), Clock.systemUTC());
    }

    private final ResponseFinder finder;
    private final PageSaving saving;
    private final HttpExchange exchange = new HttpExchange(ROUTE, new RequestLog(System.out),
            DynamoDbClients::isDependencyFailure);

    public SavePageHandler() {
        this(FromEnvironment.FINDER);
        Core.getGlobalContext().register(this);
    }

    public SavePageHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(ResponseFinders.on(client, tableName, clock));
    }

    private SavePageHandler(ResponseFinder finder) {
        this.finder = finder;
        this.saving = new PageSaving(finder);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return exchange.handle(event, request -> {
            String token = HttpRequests.bearerToken(request).orElse("");
            String pageId = HttpRequests.pathParameter(request, "pageId").orElse("");
            PageSaveRequest body = PageSaveRequest.parse(HttpRequests.jsonBody(request));
            return RespondentReplies.reply(saving.save(token, pageId, body.version(), body.answers()));
        });
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        finder.primeRulesEngines();
        Priming.requireWorking(handleRequest(Priming.event("PUT", "/v1/response/pages/q0", Map.of("pageId", "q0"),
                "{\"version\":0,\"answers\":{\"Q0\":{\"choice\":1}}}"), null));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the handler holds no time, randomness or connection that a restore makes stale.
    }
}
