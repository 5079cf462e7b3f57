package no.ks.barometer.store;

import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.mailing.FeedbackKind;
import no.ks.barometer.mailing.FeedbackStore;
import no.ks.barometer.mailing.MailFeedback;
import no.ks.barometer.mailing.SentMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.s;

/**
 * Bounces and complaints on the Mail item they are about (docs/data-model.md): found by the message id in
 * {@code gsi1}, recorded with one conditional {@code UpdateItem} that appends one entry per address and remembers
 * the report's id, so the same report delivered again changes nothing.
 */
public final class DynamoMailFeedback implements FeedbackStore {

    /** A list of maps: one per address and report. */
    static final String FEEDBACK = "feedback";
    /** A string set of the ids of the reports recorded. */
    static final String FEEDBACK_IDS = "feedbackIds";
    private static final String ADDRESS = "address";
    private static final String KIND = "kind";
    private static final String DETAIL = "detail";
    private static final String AT = "at";
    private static final String FEEDBACK_ID = "feedbackId";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoMailFeedback(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<SentMail> sentMail(String messageId) {
        List<Map<String, AttributeValue>> items = client.query(QueryRequest.builder().tableName(tableName)
                .indexName(BarometerTable.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk = :sk")
                .expressionAttributeNames(Map.of("#pk", BarometerTable.GSI1_PARTITION_KEY,
                        "#sk", BarometerTable.GSI1_SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", s(Keys.SES_MESSAGE_PREFIX + messageId),
                        ":sk", s(DynamoMailingStore.MAIL_INDEX_SORT)))
                .build()).items();
        return items.stream().findFirst().map(item -> new SentMail(
                Attributes.requiredString(item, InvitationItems.SURVEY_ID),
                Attributes.requiredString(item, DynamoMailingStore.MAILING_ID),
                Attributes.requiredString(item, InvitationItems.ORG_NUMBER),
                Attributes.strings(item, DynamoMailingStore.RECIPIENTS)));
    }

    @Override
    public boolean record(SentMail mail, MailFeedback feedback) {
        List<AttributeValue> entries = feedback.addresses().stream().map(address -> {
            Map<String, AttributeValue> entry = new HashMap<>();
            entry.put(ADDRESS, s(address));
            entry.put(KIND, s(feedback.kind().name()));
            Attributes.putIfPresent(entry, DETAIL, feedback.detail());
            entry.put(AT, Attributes.instant(feedback.at()));
            entry.put(FEEDBACK_ID, s(feedback.feedbackId()));
            return AttributeValue.fromM(entry);
        }).toList();
        try {
            client.updateItem(UpdateItemRequest.builder().tableName(tableName)
                    .key(Keys.mail(mail.surveyId(), mail.mailingId(), mail.orgNumber()))
                    .updateExpression("SET #feedback = list_append(if_not_exists(#feedback, :none), :entries)"
                            + " ADD #feedbackIds :ids")
                    .conditionExpression("attribute_exists(pk) AND NOT contains(#feedbackIds, :id)")
                    .expressionAttributeNames(Map.of("#feedback", FEEDBACK, "#feedbackIds", FEEDBACK_IDS))
                    .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()),
                            ":entries", AttributeValue.fromL(entries),
                            ":ids", AttributeValue.fromSs(List.of(feedback.feedbackId())),
                            ":id", s(feedback.feedbackId())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException recordedAlready) {
            return false;
        }
    }

    /** The feedback recorded on a mail item, one per address and report. */
    static List<AddressFeedback> of(Map<String, AttributeValue> mail) {
        AttributeValue feedback = mail.get(FEEDBACK);
        if (feedback == null || !feedback.hasL()) {
            return List.of();
        }
        String orgNumber = Attributes.requiredString(mail, InvitationItems.ORG_NUMBER);
        String mailingId = Attributes.requiredString(mail, DynamoMailingStore.MAILING_ID);
        return feedback.l().stream().map(AttributeValue::m).map(entry -> new AddressFeedback(orgNumber, mailingId,
                Attributes.requiredString(entry, ADDRESS), kind(Attributes.requiredString(entry, KIND)),
                Attributes.string(entry, DETAIL), Attributes.instant(entry, AT))).toList();
    }

    private static FeedbackKind kind(String kind) {
        try {
            return FeedbackKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new CorruptItemException("unknown feedback kind " + kind);
        }
    }
}
