package no.ks.barometer.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records administrative actions and lists them. An action is recorded after it succeeded: a refused action
 * changed nothing and leaves no entry.
 */
public final class AuditTrail {

    public static final int MAX_PAGE = 500;

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** One entry for an action on the survey or on one organisation ({@code orgNumber} may be {@code null}). */
    public void record(String surveyId, Actor actor, AuditAction action, String orgNumber, String detail) {
        log.record(List.of(entry(surveyId, clock.instant(), actor, action, orgNumber, detail)));
    }

    /** Entries made by one action, stamped with the same instant. */
    void recordAll(String surveyId, Actor actor, List<Recorded> actions) {
        Instant now = clock.instant();
        List<AuditEntry> entries = new ArrayList<>(actions.size());
        for (Recorded recorded : actions) {
            entries.add(entry(surveyId, now, actor, recorded.action(), recorded.orgNumber(), recorded.detail()));
        }
        log.record(entries);
    }

    record Recorded(AuditAction action, String orgNumber, String detail) {
    }

    public Outcome<ListPage<AuditEntry>> list(String surveyId, Optional<String> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Outcome.refused(Refusal.INVALID_REQUEST, "«limit» må være et heltall fra 1 til " + MAX_PAGE + ".");
        }
        return Outcome.done(log.list(surveyId, before, limit));
    }

    private static AuditEntry entry(String surveyId, Instant at, Actor actor, AuditAction action, String orgNumber,
                                    String detail) {
        return new AuditEntry(surveyId, at, UUID.randomUUID().toString().substring(0, 8), actor, action, orgNumber,
                detail);
    }
}
