package no.ks.barometer.admin;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyStore;

import java.util.List;

/** Where surveys are kept and changed; the DynamoDB implementation is {@code store.SurveyDao}. */
public interface SurveyLifecycleStore extends SurveyStore {

    /** Stores a new survey; {@code false} if one with its id exists already (and nothing is written). */
    boolean create(Survey survey);

    /** Every survey, by id. */
    List<Survey> list();

    /** Replaces {@code current} by {@code next}; {@code false} if the stored survey is no longer {@code current}. */
    boolean replace(Survey current, Survey next);
}
