package no.ks.barometer.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseStore;
import no.ks.barometer.response.ResponseTimes;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.token.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Responses in memory with the conditions of the DynamoDB store ({@code store.ResponseDao}): a write is stored
 * only while the response has the expected version, the same token, an unexpired token and an open status.
 * For use-case tests that need no table.
 */
public final class InMemoryResponses implements ResponseStore {

    private final Map<String, StoredResponse> responses = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    /** Invites the organisation to the survey and returns the token of its link. */
    public String invite(Survey survey, Organisation organisation, Instant now, Instant tokenExpiresAt) {
        String token = Tokens.newToken();
        put(new StoredResponse(survey.id(), organisation, Tokens.hash(token), tokenExpiresAt, ResponseStatus.INVITED,
                new ResponseTimes(now, null, null, null, null, null), null, null, 0,
                JsonNodeFactory.instance.objectNode(), List.of(), null));
        return token;
    }

    /** Replaces the stored response, as another container or an administrator would. */
    public void put(StoredResponse response) {
        responses.put(key(response.surveyId(), response.organisation().number()), response);
    }

    public StoredResponse stored(String surveyId, String orgNumber) {
        return responses.get(key(surveyId, orgNumber));
    }

    /** How many reads the store has answered. */
    public int reads() {
        return reads.get();
    }

    /** How many writes the store has accepted. */
    public int writes() {
        return writes.get();
    }

    @Override
    public Optional<StoredResponse> findByToken(String tokenHash, Instant now) {
        reads.incrementAndGet();
        return responses.values().stream().filter(response -> response.openedBy(tokenHash, now)).findFirst();
    }

    @Override
    public Optional<StoredResponse> get(String surveyId, String orgNumber) {
        reads.incrementAndGet();
        return Optional.ofNullable(stored(surveyId, orgNumber));
    }

    @Override
    public synchronized StoredResponse markOpened(StoredResponse response, Instant now) {
        StoredResponse current = stored(response.surveyId(), response.organisation().number());
        if (current.status() != ResponseStatus.INVITED || !Tokens.sameHash(current.tokenHash(), response.tokenHash())) {
            return current;
        }
        ResponseTimes times = current.times();
        return written(new StoredResponse(current.surveyId(), current.organisation(), current.tokenHash(),
                current.tokenExpiresAt(), ResponseStatus.OPENED, new ResponseTimes(times.invitedAt(), now,
                times.startedAt(), times.lastSavedAt(), times.submittedAt(), times.endedAt()),
                current.questionnaireId(), current.questionnaireVersion(), current.version(), current.answers(),
                current.savedPages(), current.lastWrite()));
    }

    @Override
    public synchronized WriteOutcome savePage(StoredResponse base, PageWrite write) {
        StoredResponse current = stored(base.surveyId(), base.organisation().number());
        if (!writable(current, base, write.expectedVersion(), write.now())) {
            return new WriteOutcome.Refused(current);
        }
        return new WriteOutcome.Written(written(current.saved(write)));
    }

    @Override
    public synchronized WriteOutcome submit(StoredResponse base, Submission submission) {
        StoredResponse current = stored(base.surveyId(), base.organisation().number());
        if (!writable(current, base, submission.expectedVersion(), submission.now())) {
            return new WriteOutcome.Refused(current);
        }
        return new WriteOutcome.Written(written(current.submitted(submission)));
    }

    private StoredResponse written(StoredResponse response) {
        writes.incrementAndGet();
        put(response);
        return response;
    }

    private static boolean writable(StoredResponse current, StoredResponse base, long expectedVersion, Instant now) {
        return current != null && current.version() == expectedVersion
                && Tokens.sameHash(current.tokenHash(), base.tokenHash())
                && current.tokenExpiresAt() != null && now.isBefore(current.tokenExpiresAt())
                && current.status().acceptsAnswers();
    }

    private static String key(String surveyId, String orgNumber) {
        return surveyId + "#" + orgNumber;
    }
}
