package no.ks.barometer.admin;

import java.time.Instant;

/**
 * A survey to create, as an administrator asks for it.
 *
 * @param questionnaireVersion the catalog's current version of the questionnaire when {@code null}
 * @param linkBaseUrl          where respondent links point: the web app's address
 */
public record NewSurvey(String id, String title, String questionnaireId, Integer questionnaireVersion,
                        Instant opensAt, Instant closesAt, String linkBaseUrl) {
}
