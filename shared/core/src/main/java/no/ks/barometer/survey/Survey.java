package no.ks.barometer.survey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One round of fieldwork: which questionnaire version new responses start on, when it is open, and where the
 * respondent links point.
 */
public record Survey(
        String id,
        String title,
        String questionnaireId,
        int questionnaireVersion,
        SurveyState state,
        Instant opensAt,
        Instant closesAt,
        URI linkBaseUrl) {

    /**
     * How long a warm respondent container may trust a survey item it read (ResponseFinder.SURVEY_REFRESH,
     * which a system test keeps equal): a change of state reaches every container within this time.
     */
    public static final Duration RESPONDENT_REFRESH = Duration.ofSeconds(30);

    public Survey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(linkBaseUrl, "linkBaseUrl");
    }

    /** Whether respondents may save answers at this instant. */
    public boolean acceptsAnswers(Instant now) {
        return state == SurveyState.OPEN
                && (opensAt == null || !now.isBefore(opensAt))
                && (closesAt == null || now.isBefore(closesAt));
    }
}
