package no.ks.barometer.store;

import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseStore;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.store.Attributes.instant;
import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.s;
import static no.ks.barometer.store.InvitationItems.ANSWERS;
import static no.ks.barometer.store.InvitationItems.ENDED_AT;
import static no.ks.barometer.store.InvitationItems.EXPIRES_AT;
import static no.ks.barometer.store.InvitationItems.LAST_SAVED_AT;
import static no.ks.barometer.store.InvitationItems.LAST_WRITE;
import static no.ks.barometer.store.InvitationItems.OPENED_AT;
import static no.ks.barometer.store.InvitationItems.ORG_NUMBER;
import static no.ks.barometer.store.InvitationItems.QUESTIONNAIRE_ID;
import static no.ks.barometer.store.InvitationItems.QUESTIONNAIRE_VERSION;
import static no.ks.barometer.store.InvitationItems.REVOKED_AT;
import static no.ks.barometer.store.InvitationItems.SAVED_PAGES;
import static no.ks.barometer.store.InvitationItems.STARTED_AT;
import static no.ks.barometer.store.InvitationItems.STATUS;
import static no.ks.barometer.store.InvitationItems.SUBMITTED_AT;
import static no.ks.barometer.store.InvitationItems.SURVEY_ID;
import static no.ks.barometer.store.InvitationItems.TOKEN_EXPIRES_AT;
import static no.ks.barometer.store.InvitationItems.TOKEN_HASH;
import static no.ks.barometer.store.InvitationItems.VERSION;

/**
 * The respondent's side of the invitation item: found by token, opened, saved page by page, submitted. Every
 * write is one conditional UpdateItem on that one item, so two tabs or a retried request can never interleave.
 */
public final class ResponseDao implements ResponseStore {

    /** The response may be written only while its version, token and status are as the writer read them. */
    private static final String WRITABLE = "#version = :expected AND #tokenHash = :hash AND #tokenExpiresAt > :now"
            + " AND #status IN (:invited, :opened, :inProgress)";

    private final DynamoDbClient client;
    private final String tableName;

    public ResponseDao(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<StoredResponse> findByToken(String tokenHash, Instant now) {
        Map<String, AttributeValue> token = client.getItem(GetItemRequest.builder().tableName(tableName)
                .key(Keys.token(tokenHash)).build()).item();
        if (token == null || token.isEmpty() || token.containsKey(REVOKED_AT)) {
            return Optional.empty();
        }
        Instant expiresAt = Attributes.instant(token, EXPIRES_AT);
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        // The invitation item is the authority: a reissue or revocation changes its tokenHash.
        return get(Attributes.requiredString(token, SURVEY_ID), Attributes.requiredString(token, ORG_NUMBER))
                .filter(response -> response.openedBy(tokenHash, now));
    }

    @Override
    public Optional<StoredResponse> get(String surveyId, String orgNumber) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(tableName)
                .key(Keys.invitation(surveyId, orgNumber)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public StoredResponse markOpened(StoredResponse response, Instant now) {
        Map<String, String> names = Map.of("#status", STATUS, "#tokenHash", TOKEN_HASH, "#openedAt", OPENED_AT);
        Map<String, AttributeValue> values = Map.of(
                ":invited", s(ResponseStatus.INVITED.name()),
                ":opened", s(ResponseStatus.OPENED.name()),
                ":hash", s(response.tokenHash()),
                ":now", instant(now));
        UpdateItemRequest request = updateRequest(response, "SET #status = :opened, #openedAt = :now",
                "#status = :invited AND #tokenHash = :hash", names, values, ReturnValue.ALL_NEW);
        try {
            return fromItem(client.updateItem(request).attributes());
        } catch (ConditionalCheckFailedException e) {
            return current(response, e).orElse(response);
        }
    }

    @Override
    public WriteOutcome savePage(StoredResponse base, PageWrite write) {
        Map<String, String> names = writableNames();
        names.put("#answers", ANSWERS);
        names.put("#savedPages", SAVED_PAGES);
        names.put("#lastSavedAt", LAST_SAVED_AT);
        names.put("#startedAt", STARTED_AT);
        names.put("#questionnaireId", QUESTIONNAIRE_ID);
        names.put("#questionnaireVersion", QUESTIONNAIRE_VERSION);
        names.put("#lastWrite", LAST_WRITE);
        Map<String, AttributeValue> values = writableValues(base, write.expectedVersion(), write.now());
        values.put(":status", s(write.status().name()));
        values.put(":answers", Attributes.fromJson(write.answers()));
        values.put(":pages", Attributes.strings(write.savedPages()));
        values.put(":qid", s(write.questionnaireId()));
        values.put(":qv", n(write.questionnaireVersion()));
        values.put(":lastWrite", lastWrite(write.lastWrite()));
        StringBuilder update = new StringBuilder("SET #answers = :answers, #savedPages = :pages, #status = :status,"
                + " #version = :next, #lastSavedAt = :now, #startedAt = if_not_exists(#startedAt, :now),"
                + " #questionnaireId = :qid, #questionnaireVersion = :qv, #lastWrite = :lastWrite");
        if (!write.status().acceptsAnswers()) {
            names.put("#endedAt", ENDED_AT);
            update.append(", #endedAt = :now");
        }
        return conditionalUpdate(base, update.toString(), names, values, base.saved(write));
    }

    @Override
    public WriteOutcome submit(StoredResponse base, Submission submission) {
        Map<String, String> names = writableNames();
        names.put("#submittedAt", SUBMITTED_AT);
        names.put("#lastWrite", LAST_WRITE);
        Map<String, AttributeValue> values = writableValues(base, submission.expectedVersion(), submission.now());
        values.put(":completed", s(ResponseStatus.COMPLETED.name()));
        values.put(":lastWrite", lastWrite(submission.lastWrite()));
        return conditionalUpdate(base,
                "SET #status = :completed, #version = :next, #submittedAt = :now, #lastWrite = :lastWrite",
                names, values, base.submitted(submission));
    }

    /**
     * A respondent's write, whose result is known without asking for it back: the condition proves that the item
     * still had the version, token and status of {@code base}, and the update sets every attribute a respondent's
     * reply shows, so the item as written is {@code written}. (Attributes outside both, such as the organisation's
     * register details, may have moved on since {@code base} was read; the next read shows them.) Not returning
     * the item spares DynamoDB sending it and the function reading it, on every save.
     */
    private WriteOutcome conditionalUpdate(StoredResponse base, String update, Map<String, String> names,
                                           Map<String, AttributeValue> values, StoredResponse written) {
        UpdateItemRequest request = updateRequest(base, update, WRITABLE, names, values, ReturnValue.NONE);
        try {
            client.updateItem(request);
            return new WriteOutcome.Written(written);
        } catch (ConditionalCheckFailedException e) {
            return new WriteOutcome.Refused(current(base, e).orElse(null));
        }
    }

    /**
     * A conditional update of the response's item that returns what {@code returned} asks for, or, when the
     * condition fails, the item that refused it: one round trip either way.
     */
    private UpdateItemRequest updateRequest(StoredResponse response, String update, String condition,
                                            Map<String, String> names, Map<String, AttributeValue> values,
                                            ReturnValue returned) {
        return UpdateItemRequest.builder().tableName(tableName)
                .key(Keys.invitation(response.surveyId(), response.organisation().number()))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(returned)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** The item that refused a write: from the refusal itself where DynamoDB returns it, else read again. */
    private Optional<StoredResponse> current(StoredResponse base, ConditionalCheckFailedException refusal) {
        if (refusal.hasItem() && !refusal.item().isEmpty()) {
            return Optional.of(fromItem(refusal.item()));
        }
        return get(base.surveyId(), base.organisation().number());
    }

    private static Map<String, String> writableNames() {
        Map<String, String> names = new HashMap<>();
        names.put("#version", VERSION);
        names.put("#tokenHash", TOKEN_HASH);
        names.put("#tokenExpiresAt", TOKEN_EXPIRES_AT);
        names.put("#status", STATUS);
        return names;
    }

    private static Map<String, AttributeValue> writableValues(StoredResponse base, long expectedVersion, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", n(expectedVersion));
        values.put(":next", n(expectedVersion + 1));
        values.put(":hash", s(base.tokenHash() == null ? "" : base.tokenHash()));
        values.put(":now", instant(now));
        values.put(":invited", s(ResponseStatus.INVITED.name()));
        values.put(":opened", s(ResponseStatus.OPENED.name()));
        values.put(":inProgress", s(ResponseStatus.IN_PROGRESS.name()));
        return values;
    }

    private static AttributeValue lastWrite(LastWrite lastWrite) {
        return AttributeValue.fromM(Map.of(
                "request", s(lastWrite.request()),
                "baseVersion", n(lastWrite.baseVersion()),
                "bodyHash", s(lastWrite.bodyHash()),
                "removedQuestions", Attributes.strings(lastWrite.removedQuestions())));
    }

    private static LastWrite lastWrite(Map<String, AttributeValue> map) {
        return new LastWrite(
                Attributes.requiredString(map, "request"),
                Attributes.number(map, "baseVersion", -1),
                Attributes.requiredString(map, "bodyHash"),
                Attributes.strings(map, "removedQuestions"));
    }

    static StoredResponse fromItem(Map<String, AttributeValue> item) {
        String status = Attributes.requiredString(item, STATUS);
        AttributeValue pinned = item.get(QUESTIONNAIRE_VERSION);
        return new StoredResponse(
                Attributes.requiredString(item, SURVEY_ID),
                InvitationItems.organisation(item),
                Attributes.string(item, TOKEN_HASH),
                Attributes.instant(item, TOKEN_EXPIRES_AT),
                ResponseStatus.valueOf(status),
                InvitationItems.times(item),
                Attributes.string(item, QUESTIONNAIRE_ID),
                pinned == null ? null : Integer.valueOf(pinned.n()),
                Attributes.number(item, VERSION, 0),
                Attributes.objectFromMap(Attributes.map(item, ANSWERS).orElse(Map.of())),
                Attributes.strings(item, SAVED_PAGES),
                Attributes.map(item, LAST_WRITE).map(ResponseDao::lastWrite).orElse(null));
    }
}
