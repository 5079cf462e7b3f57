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
        return events.stream()
                .filter(FunctionEvent.HttpApiEvent.class::isInstance)
                .map(FunctionEvent.HttpApiEvent.class::cast)
                .toList();
    }

    public List<FunctionEvent.ScheduleEvent> scheduleEvents() {
        return events.stream()
                .filter(FunctionEvent.ScheduleEvent.class::isInstance)
                .map(FunctionEvent.ScheduleEvent.class::cast)
                .toList();
    }
}
