package no.ks.barometer.aggregation;

import java.util.Objects;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ParsedAnswers;
import no.ks.barometer.rules.ResponseState;

/**
 * One invited organisation as aggregation sees it.
 *
 * @param questionnaireVersion the version the response is pinned to, null before its first save
 */
public record ResponseRecord(Organisation organisation, ResponseStatus status, Integer questionnaireVersion,
                             ResponseState state) {
    public ResponseRecord {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }

    /** Reads a stored response's answers; a stored answer that cannot be read is refused, not skipped. */
    public static ResponseRecord of(StoredResponse stored, Questionnaire questionnaire) {
        ParsedAnswers parsed = AnswerCodec.read(questionnaire, stored.answers());
        if (!parsed.problems().isEmpty()) {
            throw new IllegalArgumentException("The response of " + stored.organisation().number()
                    + " has answers that cannot be read: " + parsed.problems());
        }
        return new ResponseRecord(stored.organisation(), stored.status(), stored.questionnaireVersion(),
                new ResponseState(parsed.answers(), stored.savedPages()));
    }
}
