package no.ks.barometer.admin;

import no.ks.barometer.survey.Survey;

import java.util.List;
import java.util.Optional;

/** Where surveys are kept; the DynamoDB implementation is {@code store.SurveyDao}. */
public interface SurveyStore {

    /** Stores a new survey; {@code false} if one with its id exists already (and nothing is written). */
    boolean create(Survey survey);

    Optional<Survey> get(String surveyId);

    /** Every survey, by id. */
    List<Survey> list();

    /** Replaces {@code current} by {@code next}; {@code false} if the stored survey is no longer {@code current}. */
    boolean replace(Survey current, Survey next);
}
