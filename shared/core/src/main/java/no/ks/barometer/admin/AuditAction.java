package no.ks.barometer.admin;

/** Every kind of administrative action; each leaves an audit entry. */
public enum AuditAction {
    SURVEY_CREATED,
    SURVEY_OPENED,
    SURVEY_CLOSED,
    SURVEY_EXTENDED,
    /** One per import, with its counts; each organisation it touched has its own entry as well. */
    REGISTER_IMPORTED,
    ORGANISATION_INVITED,
    ORGANISATION_UPDATED,
    LINK_REISSUED,
    LINK_REVOKED,
    /** A mailing was set going (or going again, to resume), with its kind and reach. */
    MAILING_STARTED,
    /** A mailing was scheduled to run once at a time. */
    MAILING_SCHEDULED,
    /** Response data left the system: who took it, and in which format. */
    RESPONSES_EXPORTED,
    /** An aggregate snapshot computed on the administrator's request (the schedule's leave none). */
    SNAPSHOT_COMPUTED,
    /** An aggregate snapshot made readable without credentials. */
    SNAPSHOT_PUBLISHED
}
