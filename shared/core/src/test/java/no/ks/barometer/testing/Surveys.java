package no.ks.barometer.testing;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Surveys for tests. */
public final class Surveys {

    public static final String QUESTIONNAIRE = "innovasjonsbarometer-2024";
    public static final Instant START = Instant.parse("2024-09-02T08:00:00Z");

    private Surveys() {
    }

    /** Open from {@link #START} for 60 days, on version 1 of the 2024 questionnaire. */
    public static Survey open(String id) {
        return new Survey(id, "Innovasjonsbarometeret 2024", QUESTIONNAIRE, 1, SurveyState.OPEN, START,
                START.plus(Duration.ofDays(60)), URI.create("https://barometer.example/"));
    }

    public static Survey closed(Survey survey) {
        return new Survey(survey.id(), survey.title(), survey.questionnaireId(), survey.questionnaireVersion(),
                SurveyState.CLOSED, survey.opensAt(), survey.closesAt(), survey.linkBaseUrl());
    }
}
