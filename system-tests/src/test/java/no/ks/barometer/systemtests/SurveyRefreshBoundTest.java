package no.ks.barometer.systemtests;

import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.survey.Survey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SurveyRefreshBoundTest {

    /** The admin API tells whoever closes a survey how long warm respondent containers may still take saves. */
    @Test
    void boundTheAdminApiStatesIsTheOneTheRespondentContainersKeep() {
        assertEquals(ResponseFinder.SURVEY_REFRESH, Survey.RESPONDENT_REFRESH);
    }
}
