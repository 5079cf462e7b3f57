package no.ks.barometer.local.template;

/** An event source of a function. The parser rejects kinds that are not modelled here. */
public sealed interface FunctionEvent {

    /** The event's logical name inside its function. */
    String name();

    /**
     * An {@code HttpApi} route.
     *
     * @param apiId  the HttpApi resource it belongs to
     * @param method upper case, or {@code ANY}
     * @param path   as declared, with {@code {param}} and greedy {@code {proxy+}} segments
     */
    record HttpApiEvent(String name, String apiId, String method, String path, RouteAuth auth)
            implements FunctionEvent {

        /** The route key API Gateway puts in the event: {@code "GET /v1/questionnaires/{id}"}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A {@code Schedule} event: EventBridge invokes the function at {@code rate(...)} or {@code cron(...)}. */
    record ScheduleEvent(String name, String expression, boolean enabled) implements FunctionEvent {
    }
}
