package no.ks.barometer.aggregation;

import java.util.Map;
import java.util.Objects;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ParsedAnswers;

/**
 * One invited organisation as aggregation sees it. Only the answers are kept of the response's state: the saved
 * pages do not change which answers count.
 *
 * @param questionnaireVersion the version the response is pinned to, null before its first save
 * @param answers              by question id, as read; not copied, so the caller hands over a map nobody changes
 *                             (those of {@link ParsedAnswers} cannot be changed)
 */
public record ResponseRecord(Organisation organisation, ResponseStatus status, Integer questionnaireVersion,
                             Map<String, Answer> answers) {
    public ResponseRecord {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(answers, "answers");
    }

    /** Reads a stored response's answers; a stored answer that cannot be read is refused, not skipped. */
    public static ResponseRecord of(StoredResponse stored, Questionnaire questionnaire) {
        ParsedAnswers parsed = AnswerCodec.read(questionnaire, stored.answers());
        if (!parsed.problems().isEmpty()) {
            throw new IllegalArgumentException("The response of " + stored.organisation().number()
                    + " has answers that cannot be read: " + parsed.problems());
        }
        return new ResponseRecord(stored.organisation(), stored.status(), stored.questionnaireVersion(),
                parsed.answers());
    }
}
