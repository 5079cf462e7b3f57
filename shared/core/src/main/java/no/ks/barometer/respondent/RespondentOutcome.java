package no.ks.barometer.respondent;

import no.ks.barometer.rules.Problem;

import java.util.List;

/** What a respondent's request came to. Nothing is stored from an outcome that is a refusal. */
public sealed interface RespondentOutcome {

    /** The response as it is now (GET /v1/response). */
    record Shown(RespondentView view) implements RespondentOutcome {
    }

    /**
     * A page was stored, or a repeat of the page save last stored was recognised.
     *
     * @param removedQuestions what the save deleted because the change hid it
     */
    record Saved(RespondentView view, List<String> removedQuestions) implements RespondentOutcome {
        public Saved {
            removedQuestions = List.copyOf(removedQuestions);
        }
    }

    /** The response was submitted, now or by the repeated request. */
    record Submitted(RespondentView view) implements RespondentOutcome {
    }

    /** The version the request was made against is not the stored one; {@code current} is the stored one. */
    record Conflict(RespondentView current) implements RespondentOutcome {
    }

    /** The response is submitted or ended and takes no more writes. */
    record Closed(String orgNumber) implements RespondentOutcome {
    }

    /** The request carries no token. */
    record NoToken() implements RespondentOutcome {
    }

    /** The token is malformed, unknown, revoked, replaced or expired; all are answered alike. */
    record InvalidToken() implements RespondentOutcome {
    }

    /** The survey does not take answers now. */
    record SurveyClosed() implements RespondentOutcome {
    }

    /** The pinned questionnaire has no page with this id. */
    record PageNotFound(String orgNumber, String pageId) implements RespondentOutcome {
    }

    /**
     * The answers break the questionnaire's rules.
     *
     * @param detail what the refusal means for the request as a whole, in Norwegian
     */
    record Refused(String orgNumber, String detail, List<Problem> problems) implements RespondentOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
