package no.ks.barometer.testing;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Surveys in memory, for use-case tests that need no table. */
public final class InMemorySurveys implements SurveyStore {

    private final Map<String, Survey> surveys = new ConcurrentHashMap<>();

    public void put(Survey survey) {
        surveys.put(survey.id(), survey);
    }

    @Override
    public Optional<Survey> get(String surveyId) {
        return Optional.ofNullable(surveys.get(surveyId));
    }
}
