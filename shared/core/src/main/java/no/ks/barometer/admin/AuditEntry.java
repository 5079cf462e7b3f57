package no.ks.barometer.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * One administrative action as the audit trail keeps it.
 *
 * @param id        tells entries made in the same millisecond apart
 * @param orgNumber the organisation acted on, or {@code null} for an action on the whole survey
 * @param detail    what changed, in a few words (Norwegian); never a token or an answer
 */
public record AuditEntry(String surveyId, Instant at, String id, Actor actor, AuditAction action, String orgNumber,
                         String detail) {

    public AuditEntry {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
