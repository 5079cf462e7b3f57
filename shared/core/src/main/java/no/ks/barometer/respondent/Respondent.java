package no.ks.barometer.respondent;

import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;

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

    RespondentView view() {
        OrgType orgType = response.organisation().type();
        Optional<String> nextPage = response.status().acceptsAnswers()
                ? engine.nextPage(orgType, state) : Optional.empty();
        return new RespondentView(engine.questionnaire().id(), engine.questionnaire().version(),
                response.organisation(), response.status(), response.version(), response.answers(),
                response.savedPages(), nextPage, engine.progress(orgType, state), response.times(),
                engine.visibility(orgType, state));
    }
}
