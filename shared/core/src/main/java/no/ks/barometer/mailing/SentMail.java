package no.ks.barometer.mailing;

import java.util.List;

/** A mail the outbox accepted, as found again by the id the outbox gave it. */
public record SentMail(String surveyId, String mailingId, String orgNumber, List<String> recipients) {

    public SentMail {
        recipients = List.copyOf(recipients);
    }
}
