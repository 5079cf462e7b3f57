package no.ks.barometer.response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.token.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An invitation item with its response, as read from the table.
 *
 * @param tokenHash            hash of the token that opens it, {@code null} after a revocation
 * @param questionnaireVersion the version the response is pinned to, {@code null} until the first save
 * @param version              the optimistic lock: 0 before the first save, one more after every write
 * @param answers              the answers in the JSON shapes of docs/questionnaire-format.md; not to be modified
 * @param lastWrite            {@code null} before the first write
 */
public record StoredResponse(
        String surveyId,
        Organisation organisation,
        String tokenHash,
        Instant tokenExpiresAt,
        ResponseStatus status,
        ResponseTimes times,
        String questionnaireId,
        Integer questionnaireVersion,
        long version,
        ObjectNode answers,
        List<String> savedPages,
        LastWrite lastWrite) {

    public StoredResponse {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(answers, "answers");
        savedPages = List.copyOf(savedPages);
    }

    /**
     * This response as the page save {@code write} leaves it, when the write's condition held: answers, pages, status
     * and version as written; started at the first save; ended when the answers chose an end.
     */
    public StoredResponse saved(PageWrite write) {
        ResponseTimes written = new ResponseTimes(times.invitedAt(), times.openedAt(),
                times.startedAt() == null ? write.now() : times.startedAt(), write.now(), times.submittedAt(),
                write.status().acceptsAnswers() ? times.endedAt() : write.now());
        return new StoredResponse(surveyId, organisation, tokenHash, tokenExpiresAt, write.status(), written,
                write.questionnaireId(), write.questionnaireVersion(), write.expectedVersion() + 1, write.answers(),
                write.savedPages(), write.lastWrite());
    }

    /** This response as {@code submission} leaves it, when the write's condition held: completed, its answers kept. */
    public StoredResponse submitted(Submission submission) {
        ResponseTimes written = new ResponseTimes(times.invitedAt(), times.openedAt(), times.startedAt(),
                times.lastSavedAt(), submission.now(), times.endedAt());
        return new StoredResponse(surveyId, organisation, tokenHash, tokenExpiresAt, ResponseStatus.COMPLETED, written,
                questionnaireId, questionnaireVersion, submission.expectedVersion() + 1, answers, savedPages,
                submission.lastWrite());
    }

    /** Whether the token with this hash opens this response at this instant. */
    public boolean openedBy(String presentedHash, Instant now) {
        return Tokens.sameHash(tokenHash, presentedHash) && tokenExpiresAt != null && now.isBefore(tokenExpiresAt);
    }
}
