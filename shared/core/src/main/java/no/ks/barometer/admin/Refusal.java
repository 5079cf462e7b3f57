package no.ks.barometer.admin;

/** Why an administrative action was refused; the API maps each to one problem type. */
public enum Refusal {
    /** The request itself is wrong: a bad time, URL, id or parameter. */
    INVALID_REQUEST,
    /** A register file has bad rows; nothing from it was stored. */
    INVALID_REGISTER,
    SURVEY_NOT_FOUND,
    SURVEY_EXISTS,
    QUESTIONNAIRE_NOT_FOUND,
    NOT_INVITED,
    /** A mailing needs the survey open with its deadline ahead. */
    SURVEY_NOT_OPEN,
    MAILING_NOT_FOUND,
    /** The mailing id is taken by another mailing (another kind or list). */
    MAILING_EXISTS,
    /** Someone else changed the same thing meanwhile; reading again and retrying settles it. */
    CHANGED_MEANWHILE,
    SNAPSHOT_NOT_FOUND,
    /** What the action needs is not set up where it runs (publishing without a place to publish to). */
    UNAVAILABLE
}
