package no.ks.barometer.functions.admin;

import no.ks.barometer.http.Json;

/** What the mailer function is invoked with: which mailing of which survey to run. */
final class MailerEvent {

    private MailerEvent() {
    }

    static String json(String surveyId, String mailingId) {
        return Json.write(Json.object().put("surveyId", surveyId).put("mailingId", mailingId));
    }
}
