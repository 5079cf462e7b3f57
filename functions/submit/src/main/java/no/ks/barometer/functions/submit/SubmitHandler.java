package no.ks.barometer.functions.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import no.ks.barometer.http.HttpExchange;
import no.ks.barometer.http.HttpRequests;
import no.ks.barometer.http.RequestLog;
import no.ks.barometer.http.respondent.Priming;
import no.ks.barometer.http.respondent.RespondentReplies;
import no.ks.barometer.http.respondent.SubmitRequest;
import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.respondent.Submitting;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.ResponseFinders;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;

/** POST /v1/response/submit: completes a response whose every visible required question is answered. */
public final class SubmitHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    static final String ROUTE = "POST /v1/response/submit";

    /** Built once per container, in the init phase that SnapStart snapshots. */
    private static final class FromEnvironment {
        static final ResponseFinder FINDER = ResponseFinders.on(DynamoDbClients.fromEnvironment(),
                DynamoDbClients.tableName(System.getenv()), Clock.systemUTC());
    }

    private final ResponseFinder finder;
    private final Submitting submitting;
    private final HttpExchange exchange = new HttpExchange(ROUTE, new RequestLog(System.out),
            DynamoDbClients::isDependencyFailure);

    public SubmitHandler() {
        this(FromEnvironment.FINDER);
        Core.getGlobalContext().register(this);
    }

    public SubmitHandler(DynamoDbClient client, String tableName, Clock clock) {
        this(ResponseFinders.on(client, tableName, clock));
    }

    private SubmitHandler(ResponseFinder finder) {
        this.finder = finder;
        this.submitting = new Submitting(finder);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return exchange.handle(event, request -> {
            String token = HttpRequests.bearerToken(request).orElse("");
            SubmitRequest body = SubmitRequest.parse(HttpRequests.jsonBody(request));
            return RespondentReplies.reply(submitting.submit(token, body.version()));
        });
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        finder.primeRulesEngines();
        Priming.requireWorking(handleRequest(
                Priming.event("POST", "/v1/response/submit", Map.of(), "{\"version\":0}"), null));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the handler holds no time, randomness or connection that a restore makes stale.
    }
}
