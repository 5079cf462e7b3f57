package no.ks.barometer.local.schedule;

import no.ks.barometer.local.template.FunctionEvent;
import no.ks.barometer.local.template.SamFunction;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.TemplateException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A schedule of the template as the local scheduler runs it.
 *
 * @param name     what SAM names the schedule when the template gives no Name: function and event logical ids
 * @param function the logical id of the function it invokes
 * @param timing   when it fires here on its own, or why it does not
 */
public record LocalSchedule(String name, String function, FunctionEvent.ScheduleEvent event, Timing timing) {

    /** When a schedule fires on its own here. */
    public sealed interface Timing {
    }

    public record Timed(ScheduleExpression expression) implements Timing {
    }

    /** @param reason Norwegian, for the start message */
    public record Untimed(String reason) implements Timing {
    }

    /** Every schedule of the template's functions. */
    public static List<LocalSchedule> allOf(SamTemplate template) {
        return template.functions().stream()
                .flatMap(function -> function.scheduleEvents().stream().map(event -> of(function, event)))
                .toList();
    }

    /**
     * @throws TemplateException when the expression, zone or input is wrong in AWS too
     */
    public static LocalSchedule of(SamFunction function, FunctionEvent.ScheduleEvent event) {
        String where = function.logicalId() + ".Events." + event.name();
        String name = function.logicalId() + event.name();
        event.input().ifPresent(input -> ScheduledEvents.requireJson(input, where));
        Timing timing;
        try {
            ZoneId zone = event.timezone().map(ScheduleExpression::zone).orElse(ZoneOffset.UTC);
            ScheduleExpression expression = ScheduleExpression.parse(event.expression(), zone);
            timing = event.enabled() ? new Timed(expression)
                    : new Untimed("slått av i malen (State: DISABLED / Enabled: false)");
        } catch (ScheduleExpression.UnsupportedException e) {
            timing = new Untimed("uttrykket støttes ikke lokalt: " + e.getMessage());
        } catch (ScheduleExpression.InvalidException e) {
            throw new TemplateException(where + " has an invalid schedule: " + e.getMessage(), e);
        }
        return new LocalSchedule(name, function.logicalId(), event, timing);
    }
}
