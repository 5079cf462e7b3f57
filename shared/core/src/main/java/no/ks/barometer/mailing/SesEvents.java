package no.ks.barometer.mailing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the events Amazon SES publishes to EventBridge about sent mail ({@code source} {@code aws.ses}, the SES
 * event record in {@code detail}). Only bounces and complaints are feedback; any other event type is none. The
 * format is plain JSON, so this needs no AWS library (docs/decisions/0011-ses-events-through-eventbridge.md).
 */
public final class SesEvents {

    private SesEvents() {
    }

    /**
     * The bounce or complaint an event reports; empty for every other event type (delivery, send, open, ...).
     *
     * @throws IllegalArgumentException if the event is not an SES event record, or a bounce or complaint lacks what
     *                                  marking the mail needs; sending it again would not mend it
     */
    public static Optional<MailFeedback> feedback(JsonNode event) {
        JsonNode detail = event.path("detail");
        if (!detail.isObject()) {
            throw new IllegalArgumentException("not an EventBridge event with an SES event record in detail");
        }
        String eventType = text(detail, "eventType");
        String messageId = text(detail.path("mail"), "messageId");
        return switch (eventType) {
            case "Bounce" -> {
                JsonNode bounce = object(detail, "bounce");
                yield Optional.of(new MailFeedback(messageId, text(bounce, "feedbackId"),
                        bounceKind(text(bounce, "bounceType")), optionalText(bounce, "bounceSubType").orElse(null),
                        instant(bounce, "timestamp"), addresses(bounce, "bouncedRecipients")));
            }
            case "Complaint" -> {
                JsonNode complaint = object(detail, "complaint");
                yield Optional.of(new MailFeedback(messageId, text(complaint, "feedbackId"), FeedbackKind.COMPLAINT,
                        optionalText(complaint, "complaintFeedbackType").orElse(null), instant(complaint, "timestamp"),
                        addresses(complaint, "complainedRecipients")));
            }
            default -> Optional.empty();
        };
    }

    private static FeedbackKind bounceKind(String bounceType) {
        return switch (bounceType) {
            case "Permanent" -> FeedbackKind.PERMANENT_BOUNCE;
            case "Transient" -> FeedbackKind.TRANSIENT_BOUNCE;
            case "Undetermined" -> FeedbackKind.UNDETERMINED_BOUNCE;
            default -> throw new IllegalArgumentException("unknown bounceType " + bounceType);
        };
    }

    private static List<String> addresses(JsonNode parent, String field) {
        JsonNode recipients = parent.path(field);
        if (!recipients.isArray() || recipients.isEmpty()) {
            throw new IllegalArgumentException(field + " names no recipient");
        }
        List<String> addresses = new ArrayList<>(recipients.size());
        recipients.forEach(recipient -> addresses.add(text(recipient, "emailAddress")));
        return addresses;
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (!value.isObject()) {
            throw new IllegalArgumentException("no " + field + " object");
        }
        return value;
    }

    private static String text(JsonNode parent, String field) {
        return optionalText(parent, field).orElseThrow(() -> new IllegalArgumentException("no " + field));
    }

    private static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static Instant instant(JsonNode parent, String field) {
        String text = text(parent, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an instant: " + text, e);
        }
    }
}
