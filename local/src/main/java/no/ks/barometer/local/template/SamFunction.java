package no.ks.barometer.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with its Globals applied.
 *
 * @param environment    the environment variables, Globals first, overridden by the function's own
 * @param timeoutSeconds how long one invocation may take
 * @param memoryMb       the memory it is given
 */
public record SamFunction(
        String logicalId,
        String codeUri,
        HandlerRef handler,
        Map<String, TemplateValue> environment,
        int timeoutSeconds,
        int memoryMb,
        List<FunctionEvent> events) {

    public SamFunction {
        environment = Map.copyOf(environment);
        events = List.copyOf(events);
    }

    public List<FunctionEvent.HttpApiEvent> httpApiEvents() {
        return eventsOf(FunctionEvent.HttpApiEvent.class);
    }

    public List<FunctionEvent.ScheduleEvent> scheduleEvents() {
        return eventsOf(FunctionEvent.ScheduleEvent.class);
    }

    public List<FunctionEvent.UnservedEvent> unservedEvents() {
        return eventsOf(FunctionEvent.UnservedEvent.class);
    }

    private <E extends FunctionEvent> List<E> eventsOf(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
