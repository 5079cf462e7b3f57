package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseTimes;
import no.ks.barometer.rules.Progress;
import no.ks.barometer.rules.Visibility;

import java.util.List;
import java.util.Optional;

/**
 * The response as the respondent sees it (GET /v1/response, docs/respondent-api.md).
 *
 * @param answers  the stored answers in the JSON shapes of docs/questionnaire-format.md; not to be modified
 * @param nextPage where to continue; empty once the response takes no more answers
 * @param visible  what the saved answers show: the visible pages, questions, offered options and shown rows, and
 *                 the end an answer chose
 */
public record RespondentView(
        String questionnaireId,
        int questionnaireVersion,
        Organisation organisation,
        ResponseStatus status,
        long version,
        JsonNode answers,
        List<String> savedPages,
        Optional<String> nextPage,
        Progress progress,
        ResponseTimes times,
        Visibility visible) {

    public RespondentView {
        savedPages = List.copyOf(savedPages);
    }
}
