package no.ks.barometer.respondent;

import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.StoredResponse;

import java.time.Instant;
import java.util.Optional;

/**
 * The one retry loop of the writes: runs a write on the response as read; if the conditional write finds the item
 * changed, decides again on the item as it is now, which tells an identical retry, a closed response and a stale
 * version apart. A refusal decided on a remembered response is decided again on a fresh read, so that a token
 * revoked meanwhile is answered as such.
 */
final class WriteAttempts {

    /**
     * How many times a write is decided before it is answered as a conflict: the first decision, one on the
     * item a concurrent write left, and one more for a remembered response found stale.
     */
    static final int MAX_ATTEMPTS = 3;

    /** A write decided on the response as last read. */
    interface Write {
        Decision apply(Respondent current);
    }

    sealed interface Decision {
        /** Stored; the outcome says so. */
        record Written(RespondentOutcome outcome) implements Decision {
        }

        /** Refused by the rules on the response as the respondent had it. */
        record Refused(RespondentOutcome outcome) implements Decision {
        }

        /** The conditional write found the item changed; {@code current} is the item now, {@code null} if gone. */
        record Outdated(StoredResponse current) implements Decision {
        }
    }

    private final ResponseFinder finder;

    WriteAttempts(ResponseFinder finder) {
        this.finder = finder;
    }

    /**
     * @param operation which request this is, as {@link LastWrite#request()} names it
     * @param bodyHash  of the request's canonical body
     */
    RespondentOutcome attempt(Respondent respondent, long version, String operation, String bodyHash, Instant now,
                              Write write) {
        Respondent current = respondent;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<RespondentOutcome> settled = settledWithoutWriting(current, version, operation, bodyHash);
            if (settled.isPresent()) {
                return settled.get();
            }
            StoredResponse changed;
            switch (write.apply(current)) {
                case Decision.Written(RespondentOutcome outcome) -> {
                    return outcome;
                }
                case Decision.Refused(RespondentOutcome outcome) -> {
                    if (current.verified()) {
                        return outcome;
                    }
                    changed = finder.reread(current).orElse(null);
                }
                case Decision.Outdated(StoredResponse stored) -> changed = stored;
            }
            if (changed == null || !changed.openedBy(respondent.tokenHash(), now)) {
                finder.forget(respondent.tokenHash());
                return new RespondentOutcome.InvalidToken();
            }
            finder.remember(respondent.tokenHash(), changed);
            current = current.withResponse(changed);
        }
        return new RespondentOutcome.Conflict(current.view());
    }

    /** The outcomes that need no write: a repeat of the last write, a closed response, a stale version. */
    private static Optional<RespondentOutcome> settledWithoutWriting(Respondent current, long version,
                                                                     String operation, String bodyHash) {
        StoredResponse response = current.response();
        LastWrite last = response.lastWrite();
        if (last != null && last.repeatedBy(operation, version, bodyHash) && response.version() == version + 1) {
            return Optional.of(LastWrite.SUBMIT.equals(operation)
                    ? new RespondentOutcome.Submitted(current.view())
                    : new RespondentOutcome.Saved(current.view(), last.removedQuestions()));
        }
        if (!response.status().acceptsAnswers()) {
            return Optional.of(new RespondentOutcome.Closed(current.orgNumber()));
        }
        if (response.version() != version) {
            return Optional.of(new RespondentOutcome.Conflict(current.view()));
        }
        return Optional.empty();
    }
}
