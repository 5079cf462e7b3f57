package no.ks.barometer.store;

import no.ks.barometer.admin.InvitationRecords;
import no.ks.barometer.admin.InvitationSummary;
import no.ks.barometer.admin.ListPage;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.snapshot.ResponseStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static no.ks.barometer.store.Attributes.s;
import static no.ks.barometer.store.InvitationItems.ENDED_AT;
import static no.ks.barometer.store.InvitationItems.INVITED_AT;
import static no.ks.barometer.store.InvitationItems.LAST_SAVED_AT;
import static no.ks.barometer.store.InvitationItems.OPENED_AT;
import static no.ks.barometer.store.InvitationItems.REISSUED_AT;
import static no.ks.barometer.store.InvitationItems.STARTED_AT;
import static no.ks.barometer.store.InvitationItems.STATUS;
import static no.ks.barometer.store.InvitationItems.SUBMITTED_AT;
import static no.ks.barometer.store.InvitationItems.TOKEN_EXPIRES_AT;

/**
 * The administrator's reads of a survey's invitation items, and the register's updates of them. Every read is a
 * Query on the survey's partition ({@code pk = SURVEY#<id>}, {@code sk} beginning with {@code ORG#}), never a
 * Scan; the summaries leave the answers out of what is read.
 */
public final class DynamoInvitationRecords implements InvitationRecords, ResponseStream {

    /** What a summary needs: the organisation, status, times and link state; never answers. */
    private static final List<String> SUMMARY_ATTRIBUTES = Stream.concat(
            InvitationItems.ORGANISATION_ATTRIBUTES.stream(), Stream.of(STATUS, INVITED_AT, OPENED_AT, STARTED_AT,
                    LAST_SAVED_AT, SUBMITTED_AT, ENDED_AT, TOKEN_EXPIRES_AT, REISSUED_AT)).toList();

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoInvitationRecords(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public List<InvitationSummary> summaries(String surveyId) {
        List<InvitationSummary> summaries = new ArrayList<>();
        queryAll(surveyId, true, item -> summaries.add(summary(item)));
        return summaries;
    }

    @Override
    public ListPage<InvitationSummary> page(String surveyId, Optional<String> after, int limit) {
        QueryResponse page = client.query(invitations(surveyId, true).toBuilder()
                .limit(limit)
                .exclusiveStartKey(after.map(number -> Keys.invitation(surveyId, number)).orElse(null))
                .build());
        List<InvitationSummary> items = page.items().stream().map(DynamoInvitationRecords::summary).toList();
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(orgNumber(page.lastEvaluatedKey()))
                : Optional.empty();
        return new ListPage<>(items, next);
    }

    @Override
    public List<StoredResponse> responses(String surveyId) {
        List<StoredResponse> responses = new ArrayList<>();
        queryAll(surveyId, false, item -> responses.add(ResponseDao.fromItem(item)));
        return responses;
    }

    /** The survey's mail items, reading only whom each is for and what was reported about it. */
    @Override
    public List<AddressFeedback> mailFeedback(String surveyId) {
        return SurveyItems.withPrefix(client, tableName, surveyId, Keys.MAIL_PREFIX, List.of(
                        InvitationItems.ORG_NUMBER, DynamoMailingStore.MAILING_ID, DynamoMailFeedback.FEEDBACK))
                .stream().flatMap(item -> DynamoMailFeedback.of(item).stream()).toList();
    }

    /** Page by page: what is held at once is one page of the query, whatever the survey's size. */
    @Override
    public void each(String surveyId, Consumer<StoredResponse> each) {
        queryAll(surveyId, false, item -> each.accept(ResponseDao.fromItem(item)));
    }

    @Override
    public void updateOrganisations(String surveyId, List<Organisation> organisations) {
        for (Organisation organisation : organisations) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            InvitationItems.putOrganisation(attributes, organisation);
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> sets = new ArrayList<>();
            List<String> removes = new ArrayList<>();
            int i = 0;
            for (String name : InvitationItems.ORGANISATION_ATTRIBUTES) {
                names.put("#a" + i, name);
                AttributeValue value = attributes.get(name);
                if (value == null) {
                    removes.add("#a" + i);
                } else {
                    values.put(":a" + i, value);
                    sets.add("#a" + i + " = :a" + i);
                }
                i++;
            }
            String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE "
                    + String.join(", ", removes));
            try {
                client.updateItem(UpdateItemRequest.builder().tableName(tableName)
                        .key(Keys.invitation(surveyId, organisation.number()))
                        .updateExpression(update)
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build());
            } catch (ConditionalCheckFailedException e) {
                throw new IllegalStateException("Organisation " + organisation.number() + " has no invitation to "
                        + surveyId + " to update", e);
            }
        }
    }

    private void queryAll(String surveyId, boolean summariesOnly, Consumer<Map<String, AttributeValue>> each) {
        QueryRequest request = invitations(surveyId, summariesOnly);
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = client.query(request.toBuilder().exclusiveStartKey(startKey).build());
            page.items().forEach(each);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    private QueryRequest invitations(String surveyId, boolean summariesOnly) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :org)")
                .expressionAttributeValues(Map.of(":pk", Keys.surveyPartition(surveyId), ":org", s(Keys.ORG_PREFIX)))
                .consistentRead(true);
        if (summariesOnly) {
            // Some of the names (status) are reserved words in expressions, so every one goes by a placeholder.
            Map<String, String> names = new HashMap<>();
            List<String> placeholders = new ArrayList<>();
            for (int i = 0; i < SUMMARY_ATTRIBUTES.size(); i++) {
                names.put("#p" + i, SUMMARY_ATTRIBUTES.get(i));
                placeholders.add("#p" + i);
            }
            query.projectionExpression(String.join(", ", placeholders)).expressionAttributeNames(names);
        }
        return query.build();
    }

    private static String orgNumber(Map<String, AttributeValue> key) {
        return key.get(BarometerTable.SORT_KEY).s().substring(Keys.ORG_PREFIX.length());
    }

    private static InvitationSummary summary(Map<String, AttributeValue> item) {
        return new InvitationSummary(
                InvitationItems.organisation(item),
                ResponseStatus.valueOf(Attributes.requiredString(item, STATUS)),
                InvitationItems.times(item),
                Attributes.instant(item, TOKEN_EXPIRES_AT),
                Attributes.instant(item, REISSUED_AT));
    }
}
