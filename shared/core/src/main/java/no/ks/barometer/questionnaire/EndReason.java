package no.ks.barometer.questionnaire;

/** Why a response ended before the last page: an option with {@code endsSurvey} was chosen. */
public enum EndReason {
    DECLINED,
    WRONG_RECIPIENT
}
