package no.ks.barometer.response;

import java.time.Instant;
import java.util.Optional;

/**
 * Where responses are kept, as the respondent use cases need them; the DynamoDB implementation is
 * {@code store.ResponseDao}. Every write is conditional on the response being as {@code base} was read.
 */
public interface ResponseStore {

    /**
     * The response that a token opens now. Unknown, revoked, replaced and expired tokens all give
     * {@link Optional#empty()}, so that callers cannot tell them apart either.
     */
    Optional<StoredResponse> findByToken(String tokenHash, Instant now);

    Optional<StoredResponse> get(String surveyId, String orgNumber);

    /** Records the first opening ({@code INVITED} to {@code OPENED}); any later state is returned as it is. */
    StoredResponse markOpened(StoredResponse response, Instant now);

    /** Stores a page while the response still has the write's expected version, its token and an open status. */
    WriteOutcome savePage(StoredResponse base, PageWrite write);

    /** Completes the response on the same condition as {@link #savePage}. */
    WriteOutcome submit(StoredResponse base, Submission submission);
}
