package no.ks.barometer.store;

import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.Invitee;
import no.ks.barometer.mailing.MailState;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingStore;
import no.ks.barometer.response.ResponseStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.instant;
import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.s;

/** Mailing and Mail items (docs/data-model.md); the mails' counters on the invitation item. */
public final class DynamoMailingStore implements MailingStore {

    static final String MAILING_ID = "mailingId";
    static final String KIND = "kind";
    static final String CHOSEN = "chosen";
    static final String CREATED_AT = "createdAt";
    static final String STATE = "state";
    static final String RECIPIENTS = "recipients";
    static final String CLAIMED_AT = "claimedAt";
    static final String SENT_AT = "sentAt";
    static final String MESSAGE_ID = "messageId";
    /** The gsi1 sort key of every mail, under {@code SESMSG#<messageId>}. */
    static final String MAIL_INDEX_SORT = "MAIL";

    private static final List<String> INVITEE_ATTRIBUTES;

    static {
        List<String> attributes = new ArrayList<>(InvitationItems.ORGANISATION_ATTRIBUTES);
        attributes.addAll(List.of(InvitationItems.TOKEN_HASH, InvitationItems.LINK_GENERATION,
                InvitationItems.TOKEN_EXPIRES_AT, InvitationItems.STATUS));
        INVITEE_ATTRIBUTES = List.copyOf(attributes);
    }

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoMailingStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Mailing register(String surveyId, Mailing mailing, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.mailing(surveyId, mailing.id()));
        item.put(InvitationItems.SURVEY_ID, s(surveyId));
        item.put(MAILING_ID, s(mailing.id()));
        item.put(KIND, s(mailing.kind().name()));
        if (!mailing.chosen().isEmpty()) {
            item.put(CHOSEN, Attributes.strings(mailing.chosen().stream().sorted().toList()));
        }
        item.put(CREATED_AT, instant(now));
        try {
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return mailing;
        } catch (ConditionalCheckFailedException exists) {
            return exists.hasItem() && !exists.item().isEmpty() ? mailing(exists.item())
                    : find(surveyId, mailing.id()).orElseThrow();
        }
    }

    @Override
    public Optional<Mailing> find(String surveyId, String mailingId) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(tableName)
                .key(Keys.mailing(surveyId, mailingId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mailing(item));
    }

    @Override
    public List<Mailing> mailings(String surveyId) {
        return SurveyItems.withPrefix(client, tableName, surveyId, Keys.MAILING_PREFIX,
                        List.of(MAILING_ID, KIND, CHOSEN)).stream()
                .map(DynamoMailingStore::mailing)
                .toList();
    }

    @Override
    public List<Invitee> invitees(String surveyId) {
        return SurveyItems.withPrefix(client, tableName, surveyId, Keys.ORG_PREFIX, INVITEE_ATTRIBUTES).stream()
                .map(item -> new Invitee(InvitationItems.invited(item), status(item),
                        Attributes.instant(item, InvitationItems.TOKEN_EXPIRES_AT)))
                .toList();
    }

    @Override
    public Map<String, MailState> mails(String surveyId, String mailingId) {
        String prefix = Keys.mailsOf(mailingId);
        Map<String, MailState> mails = new HashMap<>();
        SurveyItems.withPrefix(client, tableName, surveyId, prefix, List.of(STATE)).forEach(item -> mails.put(
                item.get(BarometerTable.SORT_KEY).s().substring(prefix.length()), state(item)));
        return mails;
    }

    @Override
    public boolean claim(String surveyId, String mailingId, String orgNumber, List<String> addresses, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.mail(surveyId, mailingId, orgNumber));
        item.put(InvitationItems.SURVEY_ID, s(surveyId));
        item.put(MAILING_ID, s(mailingId));
        item.put(InvitationItems.ORG_NUMBER, s(orgNumber));
        item.put(STATE, s(MailState.CLAIMED.name()));
        item.put(RECIPIENTS, Attributes.strings(addresses));
        item.put(CLAIMED_AT, instant(now));
        try {
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException claimedAlready) {
            return false;
        }
    }

    @Override
    public void release(String surveyId, String mailingId, String orgNumber) {
        client.deleteItem(DeleteItemRequest.builder().tableName(tableName)
                .key(Keys.mail(surveyId, mailingId, orgNumber))
                .conditionExpression("#state = :claimed")
                .expressionAttributeNames(Map.of("#state", STATE))
                .expressionAttributeValues(Map.of(":claimed", s(MailState.CLAIMED.name())))
                .build());
    }

    @Override
    public void markSent(String surveyId, String mailingId, String orgNumber, String messageId, Instant now) {
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                            .key(Keys.mail(surveyId, mailingId, orgNumber))
                            .updateExpression("SET #state = :sent, #sentAt = :now, #messageId = :id,"
                                    + " #gsi1pk = :gsi1pk, #gsi1sk = :gsi1sk")
                            .conditionExpression("#state = :claimed")
                            .expressionAttributeNames(Map.of("#state", STATE, "#sentAt", SENT_AT,
                                    "#messageId", MESSAGE_ID, "#gsi1pk", BarometerTable.GSI1_PARTITION_KEY,
                                    "#gsi1sk", BarometerTable.GSI1_SORT_KEY))
                            .expressionAttributeValues(Map.of(":sent", s(MailState.SENT.name()),
                                    ":claimed", s(MailState.CLAIMED.name()), ":now", instant(now),
                                    ":id", s(messageId), ":gsi1pk", s(Keys.SES_MESSAGE_PREFIX + messageId),
                                    ":gsi1sk", s(MAIL_INDEX_SORT)))
                            .build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                            .key(Keys.invitation(surveyId, orgNumber))
                            .updateExpression("ADD #mailsSent :one SET #lastMailAt = :now")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#mailsSent", InvitationItems.MAILS_SENT,
                                    "#lastMailAt", InvitationItems.LAST_MAIL_AT))
                            .expressionAttributeValues(Map.of(":one", n(1), ":now", instant(now)))
                            .build()).build()).build());
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException("Mail of mailing " + mailingId + " to " + orgNumber + " in survey "
                    + surveyId + " was not claimed when it was sent", e);
        }
    }

    private static Mailing mailing(Map<String, AttributeValue> item) {
        String kind = Attributes.requiredString(item, KIND);
        MailKind mailKind;
        try {
            mailKind = MailKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new CorruptItemException("unknown mailing kind " + kind);
        }
        return new Mailing(Attributes.requiredString(item, MAILING_ID), mailKind,
                new HashSet<>(Attributes.strings(item, CHOSEN)));
    }

    private static ResponseStatus status(Map<String, AttributeValue> item) {
        String status = Attributes.requiredString(item, InvitationItems.STATUS);
        try {
            return ResponseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new CorruptItemException("unknown status " + status);
        }
    }

    private static MailState state(Map<String, AttributeValue> item) {
        String state = Attributes.requiredString(item, STATE);
        try {
            return MailState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new CorruptItemException("unknown mail state " + state);
        }
    }
}
