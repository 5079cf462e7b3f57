package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.Fingerprints;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.rules.Completion;
import no.ks.barometer.rules.Problem;
import no.ks.barometer.rules.ProblemCode;
import no.ks.barometer.rules.RulesEngine;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** POST /v1/response/submit: completes a response whose every visible required question is answered. */
public final class Submitting {

    private final ResponseFinder finder;
    private final WriteAttempts attempts;

    public Submitting(ResponseFinder finder) {
        this.finder = finder;
        this.attempts = new WriteAttempts(finder);
    }

    /** @param version the response version the respondent last saw */
    public RespondentOutcome submit(String token, long version) {
        Instant now = finder.now();
        return switch (finder.open(token, now, OptionalLong.of(version))) {
            case ResponseFinder.Lookup.Found(Respondent respondent) -> {
                String bodyHash = Fingerprints.of(body(version));
                yield attempts.attempt(respondent, version, LastWrite.SUBMIT, bodyHash, now,
                        current -> submitOn(current, version, bodyHash, now));
            }
            case ResponseFinder.Lookup.NotOpened(RespondentOutcome refusal) -> refusal;
        };
    }

    /** The request body as the client sends it, so that a repeat is recognised by the same fingerprint. */
    private static ObjectNode body(long version) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", version);
        return body;
    }

    private WriteAttempts.Decision submitOn(Respondent current, long version, String bodyHash, Instant now) {
        OrgType orgType = current.response().organisation().type();
        RulesEngine engine = current.engine();
        if (engine.completion(orgType, current.state()) != Completion.COMPLETE) {
            List<Problem> problems = engine.validate(orgType, current.state());
            if (problems.isEmpty()) {
                String page = engine.nextPage(orgType, current.state()).orElse("");
                problems = List.of(new Problem(ProblemCode.REQUIRED, null, null, null,
                        "Besvarelsen er ikke ferdig: siden «" + page + "» er ikke lagret ennå."));
            }
            return new WriteAttempts.Decision.Refused(new RespondentOutcome.Refused(current.orgNumber(),
                    "Besvarelsen kan ikke sendes inn før alle spørsmål som må besvares, er besvart.", problems));
        }
        Submission submission = new Submission(version, now,
                new LastWrite(LastWrite.SUBMIT, version, bodyHash, List.of()));
        return switch (finder.store().submit(current.response(), submission)) {
            case WriteOutcome.Written(var written) -> {
                finder.remember(current.tokenHash(), written);
                // Submitting changes no answer, so the state already read from them is the written one's.
                yield new WriteAttempts.Decision.Written(
                        new RespondentOutcome.Submitted(current.withWritten(written, current.state()).view()));
            }
            case WriteOutcome.Refused(var stored) -> new WriteAttempts.Decision.Outdated(stored);
        };
    }
}
