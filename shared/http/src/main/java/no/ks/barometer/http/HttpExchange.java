package no.ks.barometer.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The frame around every respondent handler: runs the route, turns refusals into problem bodies, logs one line.
 * Nothing a client sends ends in a 500: a 5xx means our bug (500) or a failing dependency (503, try again).
 */
public final class HttpExchange {

    private final String route;
    private final RequestLog log;
    private final Predicate<RuntimeException> dependencyFailed;

    /** For a route that calls no other service: every exception is our bug. */
    public HttpExchange(String route, RequestLog log) {
        this(route, log, failure -> false);
    }

    /**
     * @param route            method and path template as in template.yaml, e.g. {@code PUT /v1/response/pages/{pageId}}
     * @param dependencyFailed tells a failing dependency (answered 503, try again) from a bug; the adapter of the
     *                         dependency knows its exceptions, so this module needs no SDK on its classpath
     */
    public HttpExchange(String route, RequestLog log, Predicate<RuntimeException> dependencyFailed) {
        this.route = route;
        this.log = log;
        this.dependencyFailed = dependencyFailed;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Function<APIGatewayV2HTTPEvent, ApiReply> action) {
        long start = System.nanoTime();
        ApiReply reply = reply(event, action);
        log.record(route, reply, (System.nanoTime() - start) / 1e6, requestId(event));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(reply.headers())
                .withBody(reply.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private ApiReply reply(APIGatewayV2HTTPEvent event, Function<APIGatewayV2HTTPEvent, ApiReply> action) {
        try {
            return action.apply(event);
        } catch (RequestRejected rejected) {
            return Replies.problem(rejected.problem());
        } catch (RuntimeException failure) {
            log.failure(route, failure);
            if (dependencyFailed.test(failure)) {
                return Replies.problem(ApiProblem.of(ProblemType.SERVICE_UNAVAILABLE,
                        "Vi får ikke kontakt med lagringen akkurat nå. Prøv igjen om litt."));
            }
            return Replies.problem(ApiProblem.of(ProblemType.INTERNAL_ERROR,
                    "En feil hos oss stoppet forespørselen. Prøv igjen senere."));
        }
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }
}
