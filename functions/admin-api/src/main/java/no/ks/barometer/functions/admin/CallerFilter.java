package no.ks.barometer.functions.admin;

import com.amazonaws.serverless.proxy.RequestReader;
import com.amazonaws.serverless.proxy.jersey.JerseyHandlerFilter;
import com.amazonaws.serverless.proxy.model.HttpApiV2IamAuthorizer;
import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequestContext;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import no.ks.barometer.admin.Actor;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.RequestLog;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Before any resource: the caller must be an IAM principal that API Gateway verified ({@code AWS_IAM} on every
 * admin route in template.yaml), or the request is refused whatever else it carries, a respondent's bearer token
 * included. After every request: one line in the request log.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class CallerFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ACTOR = "barometer.actor";
    private static final String STARTED = "barometer.started";
    private static final String ROUTE = "barometer.route";
    private static final String REQUEST_ID = "barometer.requestId";

    private final RequestLog log = new RequestLog(System.out);

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        HttpApiV2ProxyRequestContext context = context(request);
        if (context != null) {
            request.setProperty(ROUTE, context.getRouteKey());
            request.setProperty(REQUEST_ID, context.getRequestId());
            withoutStage(request, context.getStage());
        }
        Optional<Actor> actor = actor(context);
        if (actor.isEmpty()) {
            request.abortWith(Answers.problem(ApiProblem.of(ProblemType.NOT_AUTHORIZED,
                    "Administrasjons-API-et krever en forespørsel signert med AWS Signature Version 4 av en "
                            + "IAM-identitet med tilgang. En lenke til undersøkelsen gir ikke tilgang her.")));
        } else {
            request.setProperty(ACTOR, actor.get());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        double millis = started == null ? 0 : (System.nanoTime() - (long) started) / 1e6;
        Object route = request.getProperty(ROUTE);
        ApiReply reply = new ApiReply(response.getStatus(), Map.of(), null, null,
                problemOf(response.getHeaderString("Content-Type"), response.getEntity()));
        log.record(route == null ? request.getMethod() + " " + request.getUriInfo().getPath() : route.toString(),
                reply, millis, (String) request.getProperty(REQUEST_ID));
    }

    /** The caller the request filter let through. */
    static Actor actor(ContainerRequestContext request) {
        return (Actor) request.getProperty(ACTOR);
    }

    /**
     * The IAM principal API Gateway verified: its ARN (a user, or an assumed role with its session name), else its
     * caller id.
     */
    static Optional<Actor> actor(HttpApiV2ProxyRequestContext context) {
        if (context == null || context.getAuthorizer() == null || !context.getAuthorizer().isIam()) {
            return Optional.empty();
        }
        HttpApiV2IamAuthorizer iam = context.getAuthorizer().getIamAuthorizer();
        return Optional.ofNullable(iam.getUserArn()).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(iam.getCallerId()).filter(s -> !s.isBlank()))
                .map(Actor::new);
    }

    private static HttpApiV2ProxyRequestContext context(ContainerRequestContext request) {
        Object servlet = request.getProperty(JerseyHandlerFilter.JERSEY_SERVLET_REQUEST_PROPERTY);
        return servlet instanceof HttpServletRequest http
                && http.getAttribute(RequestReader.HTTP_API_CONTEXT_PROPERTY) instanceof HttpApiV2ProxyRequestContext c
                ? c : null;
    }

    /** A named stage puts its name in front of the path ({@code /prod/v1/...}); routes are matched without it. */
    private static void withoutStage(ContainerRequestContext request, String stage) {
        if (stage == null || stage.equals("$default")) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        String prefix = "/" + stage + "/";
        if (uri.getRawPath().startsWith(prefix)) {
            request.setRequestUri(request.getUriInfo().getBaseUri(),
                    UriBuilder.fromUri(uri).replacePath(uri.getRawPath().substring(prefix.length() - 1)).build());
        }
    }

    private static ProblemType problemOf(String contentType, Object entity) {
        if (contentType == null || !contentType.startsWith(Answers.PROBLEM_JSON) || !(entity instanceof String body)) {
            return null;
        }
        return Arrays.stream(ProblemType.values()).filter(type -> body.contains("\"" + type.uri() + "\""))
                .findFirst().orElse(null);
    }
}
