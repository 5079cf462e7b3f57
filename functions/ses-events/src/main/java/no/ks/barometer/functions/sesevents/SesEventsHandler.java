package no.ks.barometer.functions.sesevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.mailing.DeliveryFeedback;
import no.ks.barometer.mailing.MailFeedback;
import no.ks.barometer.mailing.SesEvents;
import no.ks.barometer.store.DynamoDbClients;
import no.ks.barometer.store.DynamoMailFeedback;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the bounces and complaints SES publishes to EventBridge and marks the mail they are about
 * (docs/decisions/0011-ses-events-through-eventbridge.md). An event that cannot be read is logged and dropped:
 * Lambda would retry it, and a retry cannot mend it. A failing table is thrown, so Lambda retries the event and,
 * when the retries are used up, leaves it in the failure queue.
 */
public final class SesEventsHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryFeedback feedback;
    private final PrintStream log;

    public SesEventsHandler() {
        this(System.getenv());
    }

    /** Built from the function's environment: the table's name, and DynamoDB's endpoint outside AWS. */
    public SesEventsHandler(Map<String, String> environment) {
        this(DynamoDbClients.fromEnvironment(environment), DynamoDbClients.tableName(environment), System.out);
    }

    public SesEventsHandler(DynamoDbClient client, String tableName, PrintStream log) {
        this.feedback = new DeliveryFeedback(new DynamoMailFeedback(client, tableName));
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (JsonProcessingException notJson) {
            log(line("malformed", null).put("reason", "not JSON"));
            return;
        }
        String eventId = event.path("id").asText(null);
        Optional<MailFeedback> report;
        try {
            report = SesEvents.feedback(event);
        } catch (IllegalArgumentException malformed) {
            log(line("malformed", eventId).put("reason", malformed.getMessage()));
            return;
        }
        if (report.isEmpty()) {
            log(line("ignored", eventId).put("eventType", event.path("detail").path("eventType").asText()));
            return;
        }
        MailFeedback reported = report.get();
        DeliveryFeedback.Outcome outcome = feedback.record(reported);
        log(line(outcome.name().toLowerCase(Locale.ROOT), eventId)
                .put("messageId", reported.messageId())
                .put("kind", reported.kind().name())
                .put("addresses", reported.addresses().size()));
    }

    /** One JSON line per event; addresses are counted, not written, since the table has them. */
    private ObjectNode line(String outcome, String eventId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("function", "ses-events");
        line.put("outcome", outcome);
        line.put("eventId", eventId);
        return line;
    }

    private void log(ObjectNode line) {
        log.println(line.toString());
    }
}
