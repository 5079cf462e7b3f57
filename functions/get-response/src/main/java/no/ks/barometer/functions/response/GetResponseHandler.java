package no.ks.barometer.functions.response;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.http.HttpExchange;
import no.ks.barometer.http.HttpRequests;
import no.ks.barometer.http.RequestLog;
import no.ks.barometer.http.respondent.Priming;
import no.ks.barometer.http.respondent.RespondentReplies;
import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.ResponseFinders;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** GET /v1/response: the respondent's own response, found by the bearer token; the first call marks it opened. */
public final class GetResponseHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    static final String ROUTE = "GET /v1/response";

    /** Built once per container, in the init phase that SnapStart snapshots. */
    private static final class FromEnvironment {
        static final ResponseFinder FINDER = ResponseFinders.on(DynamoDbClients.fromEnvironment(),
                DynamoDbClients.tableName(System.getenv()), Clock.systemUTC());
    }

    private final ResponseFinder finder;
    private final HttpExchange exchange = new HttpExchange(ROUTE, new RequestLog(System.out),
            DynamoDbClients::isDependencyFailure);

    public GetResponseHandler() {
        this(FromEnvironment.FINDER);
        Core.getGlobalContext().register(this);
    }

    public GetResponseHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(ResponseFinders.on(client, tableName, clock));
    }

    private GetResponseHandler(ResponseFinder finder) {
        this.finder = finder;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return exchange.handle(event, request -> RespondentReplies.reply(
                finder.show(HttpRequests.bearerToken(request).orElse(""))));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        finder.primeRulesEngines();
        Priming.requireWorking(handleRequest(Priming.event("GET", "/v1/response", Map.of(), null), null));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the handler holds no time, randomness or connection that a restore makes stale.
    }
}
