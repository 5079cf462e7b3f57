package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.Fingerprints;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.SaveOutcome;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * PUT /v1/response/pages/{pageId}: checks the page with the rules engine against everything answered before and
 * stores it in one conditional write.
 */
public final class PageSaving {

    private final ResponseFinder finder;
    private final WriteAttempts attempts;

    public PageSaving(ResponseFinder finder) {
        this.finder = finder;
        this.attempts = new WriteAttempts(finder);
    }

    /**
     * @param version the response version the respondent last saw
     * @param answers the page's answers as sent, read against the questionnaire here; not modified
     */
    public RespondentOutcome save(String token, String pageId, long version, ObjectNode answers) {
        Instant now = finder.now();
        return switch (finder.open(token, now, OptionalLong.of(version))) {
            case ResponseFinder.Lookup.Found(Respondent respondent) -> {
                String operation = LastWrite.page(pageId);
                String bodyHash = Fingerprints.of(answers);
                yield attempts.attempt(respondent, version, operation, bodyHash, now,
                        current -> saveOn(current, pageId, version, answers, operation, bodyHash, now));
            }
            case ResponseFinder.Lookup.NotOpened(RespondentOutcome refusal) -> refusal;
        };
    }

    private WriteAttempts.Decision saveOn(Respondent current, String pageId, long version, ObjectNode answers,
                                          String operation, String bodyHash, Instant now) {
        Questionnaire questionnaire = current.engine().questionnaire();
        if (questionnaire.page(pageId).isEmpty()) {
            return new WriteAttempts.Decision.Refused(new RespondentOutcome.PageNotFound(current.orgNumber(), pageId));
        }
        OrgType orgType = current.response().organisation().type();
        SaveOutcome outcome = current.engine().savePage(orgType, current.state(), pageId,
                AnswerCodec.read(questionnaire, answers));
        if (!outcome.accepted()) {
            return new WriteAttempts.Decision.Refused(new RespondentOutcome.Refused(current.orgNumber(),
                    "Noen av svarene må rettes før siden kan lagres.", outcome.problems()));
        }
        ResponseStatus status = switch (outcome.completion()) {
            case DECLINED -> ResponseStatus.DECLINED;
            case WRONG_RECIPIENT -> ResponseStatus.WRONG_RECIPIENT;
            case IN_PROGRESS, COMPLETE -> ResponseStatus.IN_PROGRESS;
        };
        List<String> removed = List.copyOf(outcome.removedQuestions());
        PageWrite write = new PageWrite(version, status, AnswerCodec.write(outcome.state().answers()),
                outcome.state().savedPages(), questionnaire.id(), questionnaire.version(), now,
                new LastWrite(operation, version, bodyHash, removed));
        return switch (finder.store().savePage(current.response(), write)) {
            case WriteOutcome.Written(var written) -> {
                finder.remember(current.tokenHash(), written);
                yield new WriteAttempts.Decision.Written(
                        new RespondentOutcome.Saved(current.withWritten(written, outcome.state()).view(), removed));
            }
            case WriteOutcome.Refused(var stored) -> new WriteAttempts.Decision.Outdated(stored);
        };
    }
}
