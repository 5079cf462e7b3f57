package no.ks.barometer.store;

import no.ks.barometer.invitation.AlreadyInvitedException;
import no.ks.barometer.invitation.InvitationStore;
import no.ks.barometer.invitation.InvitedOrganisation;
import no.ks.barometer.invitation.PendingInvitation;
import no.ks.barometer.invitation.TokenGrant;
import no.ks.barometer.response.ResponseStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static no.ks.barometer.store.Attributes.instant;
import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.s;
import static no.ks.barometer.store.InvitationItems.EXPIRES_AT;
import static no.ks.barometer.store.InvitationItems.LINK_GENERATION;
import static no.ks.barometer.store.InvitationItems.ORG_NUMBER;
import static no.ks.barometer.store.InvitationItems.REISSUED_AT;
import static no.ks.barometer.store.InvitationItems.REVOKED_AT;
import static no.ks.barometer.store.InvitationItems.SURVEY_ID;
import static no.ks.barometer.store.InvitationItems.TOKEN_EXPIRES_AT;
import static no.ks.barometer.store.InvitationItems.TOKEN_HASH;

/**
 * Invitations and tokens in the Barometer table. An invitation item and its token item are always written in
 * one transaction, so a token never points at a missing invitation and an invitation's current token always
 * exists.
 */
public final class DynamoInvitationStore implements InvitationStore {

    /** DynamoDB allows 100 actions in a transaction; each invitation takes two. */
    private static final int INVITATIONS_PER_TRANSACTION = 50;
    /** How long a token item outlives its expiry, so that DynamoDB's TTL removes it eventually. */
    private static final Duration TOKEN_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoInvitationStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public List<String> create(String surveyId, List<PendingInvitation> invitations, Instant invitedAt) {
        // Checked before writing so that a refused batch leaves nothing behind; the transactions' conditions
        // still guard against an invitation made in between.
        Set<String> existing = invitedOrganisations(surveyId);
        List<String> clashes = invitations.stream().map(i -> i.organisation().number())
                .filter(existing::contains).toList();
        if (!clashes.isEmpty()) {
            throw new AlreadyInvitedException(surveyId, clashes);
        }
        List<String> takenMeanwhile = new ArrayList<>();
        for (int from = 0; from < invitations.size(); from += INVITATIONS_PER_TRANSACTION) {
            List<PendingInvitation> chunk =
                    invitations.subList(from, Math.min(invitations.size(), from + INVITATIONS_PER_TRANSACTION));
            takenMeanwhile.addAll(writeChunk(surveyId, chunk, invitedAt));
        }
        return takenMeanwhile;
    }

    /**
     * Writes one transaction's worth. When another invitation of one of them came first, the transaction is
     * written again without it, so that the others are not lost; returns the numbers so left out.
     */
    private List<String> writeChunk(String surveyId, List<PendingInvitation> chunk, Instant invitedAt) {
        List<PendingInvitation> remaining = new ArrayList<>(chunk);
        List<String> takenMeanwhile = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<TransactWriteItem> actions = new ArrayList<>(remaining.size() * 2);
            for (PendingInvitation invitation : remaining) {
                actions.add(putNew(invitationItem(surveyId, invitation, invitedAt)));
                actions.add(putNew(tokenItem(surveyId, invitation.organisation().number(), invitation.token())));
            }
            try {
                client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(actions).build());
                return takenMeanwhile;
            } catch (TransactionCanceledException e) {
                List<String> refused = refusedOrganisations(remaining, e);
                takenMeanwhile.addAll(refused);
                remaining.removeIf(invitation -> refused.contains(invitation.organisation().number()));
            }
        }
        return takenMeanwhile;
    }

    @Override
    public Optional<InvitedOrganisation> find(String surveyId, String orgNumber) {
        Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(tableName)
                .key(Keys.invitation(surveyId, orgNumber)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(InvitationItems.invited(item));
    }

    @Override
    public void replaceToken(String surveyId, String orgNumber, InvitedOrganisation current, TokenGrant next,
                             Instant now) {
        List<TransactWriteItem> actions = new ArrayList<>(3);
        if (current.tokenHash() != null) {
            actions.add(revocation(current.tokenHash(), now));
        }
        actions.add(TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Keys.invitation(surveyId, orgNumber))
                .updateExpression("SET " + TOKEN_HASH + " = :hash, " + TOKEN_EXPIRES_AT + " = :expires, "
                        + LINK_GENERATION + " = :next, " + REISSUED_AT + " = :now")
                .conditionExpression(LINK_GENERATION + " = :current")
                .expressionAttributeValues(Map.of(
                        ":hash", s(next.hash()),
                        ":expires", instant(next.expiresAt()),
                        ":next", n(next.generation()),
                        ":now", instant(now),
                        ":current", n(current.linkGeneration())))
                .build()).build());
        actions.add(putNew(tokenItem(surveyId, orgNumber, next)));
        transact(actions, surveyId, orgNumber);
    }

    @Override
    public void revokeToken(String surveyId, String orgNumber, InvitedOrganisation current, long nextGeneration,
                            Instant now) {
        transact(List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                        .key(Keys.invitation(surveyId, orgNumber))
                        .updateExpression("REMOVE " + TOKEN_HASH + ", " + TOKEN_EXPIRES_AT
                                + " SET " + LINK_GENERATION + " = :next")
                        .conditionExpression(LINK_GENERATION + " = :current")
                        .expressionAttributeValues(Map.of(
                                ":current", n(current.linkGeneration()),
                                ":next", n(nextGeneration)))
                        .build()).build(),
                revocation(current.tokenHash(), now)), surveyId, orgNumber);
    }

    private void transact(List<TransactWriteItem> actions, String surveyId, String orgNumber) {
        try {
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(actions).build());
        } catch (TransactionCanceledException e) {
            throw new IllegalStateException("The link of organisation " + orgNumber + " in survey " + surveyId
                    + " changed while it was being replaced; try again", e);
        }
    }

    private TransactWriteItem revocation(String tokenHash, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName)
                .key(Keys.token(tokenHash))
                .updateExpression("SET " + REVOKED_AT + " = if_not_exists(" + REVOKED_AT + ", :now)")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":now", instant(now)))
                .build()).build();
    }

    private Set<String> invitedOrganisations(String surveyId) {
        Set<String> numbers = new HashSet<>();
        SurveyItems.withPrefix(client, tableName, surveyId, Keys.ORG_PREFIX, List.of()).forEach(item ->
                numbers.add(item.get(BarometerTable.SORT_KEY).s().substring(Keys.ORG_PREFIX.length())));
        return numbers;
    }

    private static List<String> refusedOrganisations(List<PendingInvitation> chunk, TransactionCanceledException e) {
        List<String> refused = new ArrayList<>();
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i += 2) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                refused.add(chunk.get(i / 2).organisation().number());
            }
        }
        if (refused.isEmpty()) {
            throw new IllegalStateException("Invitations were refused for a reason other than an existing one", e);
        }
        return refused;
    }

    private Map<String, AttributeValue> invitationItem(String surveyId, PendingInvitation invitation, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.invitation(surveyId, invitation.organisation().number()));
        item.put(SURVEY_ID, s(surveyId));
        InvitationItems.putOrganisation(item, invitation.organisation());
        item.put(TOKEN_HASH, s(invitation.token().hash()));
        item.put(LINK_GENERATION, n(invitation.token().generation()));
        item.put(TOKEN_EXPIRES_AT, instant(invitation.token().expiresAt()));
        item.put(InvitationItems.STATUS, s(ResponseStatus.INVITED.name()));
        item.put(InvitationItems.INVITED_AT, instant(now));
        item.put(InvitationItems.VERSION, n(0));
        item.put(InvitationItems.ANSWERS, AttributeValue.fromM(Map.of()));
        item.put(InvitationItems.SAVED_PAGES, AttributeValue.fromL(List.of()));
        return item;
    }

    private static Map<String, AttributeValue> tokenItem(String surveyId, String orgNumber, TokenGrant token) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.token(token.hash()));
        item.put(SURVEY_ID, s(surveyId));
        item.put(ORG_NUMBER, s(orgNumber));
        item.put(EXPIRES_AT, instant(token.expiresAt()));
        item.put(BarometerTable.TTL_ATTRIBUTE, n(token.expiresAt().plus(TOKEN_RETENTION).getEpochSecond()));
        return item;
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
