package no.ks.barometer.local.template;

import java.util.Optional;

/** An event source of a function: what the local stack serves, and what it names at start and skips. */
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

    /**
     * A schedule: {@code ScheduleV2} (EventBridge Scheduler) or {@code Schedule} (an EventBridge rule).
     *
     * @param expression {@code rate(...)}, {@code cron(...)} or, for EventBridge Scheduler, {@code at(...)}
     * @param input      the template's {@code Input}: what the function gets instead of the default event
     * @param timezone   EventBridge Scheduler's {@code ScheduleExpressionTimezone}; rules run in UTC
     */
    record ScheduleEvent(String name, Scheduler scheduler, String expression, boolean enabled,
                         Optional<String> input, Optional<String> timezone) implements FunctionEvent {
    }

    /** Which of EventBridge's two schedulers runs a schedule in AWS; they send different events. */
    enum Scheduler {
        /** {@code ScheduleV2}: EventBridge Scheduler. */
        EVENTBRIDGE_SCHEDULER,
        /** {@code Schedule}: a scheduled EventBridge rule. */
        EVENTBRIDGE_RULE
    }

    /** An event source the local stack does not serve (SQS, SNS, S3, a DynamoDB stream, ...); named and skipped. */
    record UnservedEvent(String name, String type) implements FunctionEvent {
    }
}
