package no.ks.barometer.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.local.dynamodb.LocalDynamoDb;
import no.ks.barometer.local.http.LocalAccount;
import no.ks.barometer.local.template.FunctionEvent;
import no.ks.barometer.local.template.TemplateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The event a schedule gives its function: the template's {@code Input} when it has one, else the default event of
 * the scheduler that runs it in AWS. EventBridge Scheduler sends {@code "source": "aws.scheduler"} with
 * {@code "detail": "{}"} (a string) and replaces its context attributes ({@code <aws.scheduler.scheduled-time>},
 * ...) in an Input; a scheduled rule sends {@code "source": "aws.events"} with {@code "detail": {}}.
 */
final class ScheduledEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledEvents() {
    }

    static void requireJson(String input, String where) {
        try {
            JSON.readTree(input);
        } catch (IOException e) {
            throw new TemplateException(where + ".Input is not JSON, which a Lambda target needs: " + input, e);
        }
    }

    static byte[] event(LocalSchedule schedule, Instant scheduledTime) {
        String time = scheduledTime.truncatedTo(ChronoUnit.SECONDS).toString();
        String id = UUID.randomUUID().toString();
        boolean scheduler = schedule.event().scheduler() == FunctionEvent.Scheduler.EVENTBRIDGE_SCHEDULER;
        String arn = scheduler
                ? "arn:aws:scheduler:" + LocalDynamoDb.REGION + ":" + LocalAccount.ID + ":schedule/default/"
                        + schedule.name()
                : "arn:aws:events:" + LocalDynamoDb.REGION + ":" + LocalAccount.ID + ":rule/" + schedule.name();
        if (schedule.event().input().isPresent()) {
            String input = schedule.event().input().get();
            return (scheduler ? input
                    .replace("<aws.scheduler.schedule-arn>", arn)
                    .replace("<aws.scheduler.scheduled-time>", time)
                    .replace("<aws.scheduler.execution-id>", id)
                    .replace("<aws.scheduler.attempt-number>", "1")
                    : input).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", "Scheduled Event")
                .put("source", scheduler ? "aws.scheduler" : "aws.events")
                .put("account", LocalAccount.ID)
                .put("time", time)
                .put("region", LocalDynamoDb.REGION);
        event.putArray("resources").add(arn);
        if (scheduler) {
            event.put("detail", "{}");
        } else {
            event.putObject("detail");
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
