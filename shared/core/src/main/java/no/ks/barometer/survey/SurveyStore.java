package no.ks.barometer.survey;

import java.util.Optional;

/** Where surveys are kept, as the respondent use cases read them; the DynamoDB implementation is {@code store.SurveyDao}. */
public interface SurveyStore {

    Optional<Survey> get(String surveyId);
}
