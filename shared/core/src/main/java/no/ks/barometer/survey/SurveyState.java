package no.ks.barometer.survey;

public enum SurveyState {
    OPEN,
    CLOSED
}
