package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.Standing;

import java.util.Optional;

/**
 * A respondent as one request sees them, with the rules of the questionnaire version their response is pinned to
 * (or will be pinned to by its first save).
 *
 * @param verified whether {@code response} was read from the store during this request, rather than remembered
 */
record Respondent(String tokenHash, StoredResponse response, RulesEngine engine, ResponseState state,
                  boolean verified) {

    Respondent(String tokenHash, StoredResponse response, RulesEngine engine, boolean verified) {
        this(tokenHash, response, engine, new ResponseState(
                AnswerCodec.read(engine.questionnaire(), response.answers()).answers(), response.savedPages()),
                verified);
    }

    /** The same respondent with the response as just read or written. */
    Respondent withResponse(StoredResponse changed) {
        return new Respondent(tokenHash, changed, engine, true);
    }

    String orgNumber() {
        return response.organisation().number();
    }

    /**
     * The same respondent with the response just written, whose answers are those of {@code written} (the state the
     * rules engine produced, or the one already read when the write changed no answer): reading them back from the
     * item would only repeat the work.
     */
    Respondent withWritten(StoredResponse changed, ResponseState written) {
        return new Respondent(tokenHash, changed, engine, written, true);
    }

    RespondentView view() {
        Standing standing = engine.standing(response.organisation().type(), state);
        Optional<String> nextPage = response.status().acceptsAnswers() ? standing.nextPage() : Optional.empty();
        return new RespondentView(engine.questionnaire().id(), engine.questionnaire().version(),
                response.organisation(), response.status(), response.version(), answersInQuestionnaireOrder(),
                response.savedPages(), nextPage, standing.progress(), response.times(), standing.visibility());
    }

    /**
     * The stored answers in the order of the questionnaire's questions, as the API documents them; the store
     * keeps no order. An answer to an id the questionnaire does not have (until the next save removes it) comes
     * last.
     */
    private ObjectNode answersInQuestionnaireOrder() {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        for (Question question : engine.questionnaire().questions()) {
            JsonNode answer = response.answers().get(question.id());
            if (answer != null) {
                ordered.set(question.id(), answer);
            }
        }
        response.answers().properties().forEach(member -> {
            if (!ordered.has(member.getKey())) {
                ordered.set(member.getKey(), member.getValue());
            }
        });
        return ordered;
    }
}
