package no.ks.barometer.mailing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SesEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPermanentBounceNamesItsMailReportAddressesAndTime() {
        assertEquals(Optional.of(new MailFeedback("msg-1", "fb-1", FeedbackKind.PERMANENT_BOUNCE, "General",
                        Instant.parse("2026-09-01T08:16:02.669Z"), List.of("a@halden.example", "b@halden.example"))),
                SesEvents.feedback(bounce("Permanent", "General")));
    }

    @Test
    void transientAndUndeterminedBouncesKeepTheirKind() {
        assertEquals(FeedbackKind.TRANSIENT_BOUNCE,
                SesEvents.feedback(bounce("Transient", "MailboxFull")).orElseThrow().kind());
        assertEquals(FeedbackKind.UNDETERMINED_BOUNCE,
                SesEvents.feedback(bounce("Undetermined", "Undetermined")).orElseThrow().kind());
    }

    @Test
    void aComplaintWithoutAFeedbackTypeHasNoDetail() {
        ObjectNode event = event("Complaint", "Email Complaint Received");
        ObjectNode complaint = ((ObjectNode) event.get("detail")).putObject("complaint");
        complaint.put("feedbackId", "fb-2").put("timestamp", "2026-09-02T07:05:43.000Z");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", "b@halden.example");

        assertEquals(Optional.of(new MailFeedback("msg-1", "fb-2", FeedbackKind.COMPLAINT, null,
                        Instant.parse("2026-09-02T07:05:43Z"), List.of("b@halden.example"))),
                SesEvents.feedback(event));
    }

    @Test
    void aDeliveryIsNoFeedback() {
        assertEquals(Optional.empty(), SesEvents.feedback(event("Delivery", "Email Delivered")));
    }

    @Test
    void anEventThatCannotMarkAMailIsRefusedAsMalformed() {
        List<Consumer<ObjectNode>> breakages = List.of(
                event -> event.remove("detail"),
                event -> detail(event).remove("eventType"),
                event -> ((ObjectNode) detail(event).get("mail")).remove("messageId"),
                event -> detail(event).remove("bounce"),
                event -> bounceOf(event).put("bounceType", "Sometimes"),
                event -> bounceOf(event).putArray("bouncedRecipients"),
                event -> bounceOf(event).remove("feedbackId"),
                event -> bounceOf(event).put("timestamp", "yesterday"),
                event -> ((ObjectNode) bounceOf(event).get("bouncedRecipients").get(0)).remove("emailAddress"));
        for (Consumer<ObjectNode> breakage : breakages) {
            ObjectNode event = bounce("Permanent", "General");
            breakage.accept(event);
            assertThrows(IllegalArgumentException.class, () -> SesEvents.feedback(event), event.toString());
        }
    }

    private static ObjectNode bounce(String type, String subType) {
        ObjectNode event = event("Bounce", "Email Bounced");
        ObjectNode bounce = detail(event).putObject("bounce");
        bounce.put("bounceType", type).put("bounceSubType", subType).put("feedbackId", "fb-1")
                .put("timestamp", "2026-09-01T08:16:02.669Z");
        bounce.putArray("bouncedRecipients")
                .add(JSON.createObjectNode().put("emailAddress", "a@halden.example").put("status", "5.1.1"))
                .add(JSON.createObjectNode().put("emailAddress", "b@halden.example").put("status", "5.1.1"));
        return event;
    }

    private static ObjectNode event(String eventType, String detailType) {
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", "e-1")
                .put("detail-type", detailType).put("source", "aws.ses");
        ObjectNode detail = event.putObject("detail").put("eventType", eventType);
        detail.putObject("mail").put("messageId", "msg-1").put("timestamp", "2026-09-01T08:16:00.120Z");
        return event;
    }

    private static ObjectNode detail(JsonNode event) {
        return (ObjectNode) event.get("detail");
    }

    private static ObjectNode bounceOf(JsonNode event) {
        return (ObjectNode) detail(event).get("bounce");
    }
}
