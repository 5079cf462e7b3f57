package no.ks.barometer.admin;

import no.ks.barometer.survey.Survey;

import java.time.Duration;

/**
 * A survey as a lifecycle action left it.
 *
 * @param takesEffectWithin warm respondent containers may act on the survey as it was for this long (a closed
 *                          survey may still take saves until then); zero when nothing changed
 */
public record SurveyChange(Survey survey, Duration takesEffectWithin) {
}
