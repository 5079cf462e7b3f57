package no.ks.barometer.mailing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mailings and their mails; the DynamoDB implementation is {@code store.DynamoMailingStore}. A mail is claimed by
 * one conditional write before it is sent, and that write is what makes every mail go out at most once.
 */
public interface MailingStore {

    /**
     * Records the mailing unless it exists. Returns the mailing as stored: the one given, or the one recorded
     * earlier under its id.
     */
    Mailing register(String surveyId, Mailing mailing, Instant now);

    Optional<Mailing> find(String surveyId, String mailingId);

    /** Every mailing of the survey, by id. */
    List<Mailing> mailings(String surveyId);

    /** Every organisation invited to the survey, with what a mailing needs to know of it. */
    List<Invitee> invitees(String surveyId);

    /** The state of every mail of the mailing that has been claimed, by organisation number. */
    Map<String, MailState> mails(String surveyId, String mailingId);

    /** Claims the organisation's mail of the mailing; false if it was claimed already (by anyone, ever). */
    boolean claim(String surveyId, String mailingId, String orgNumber, List<String> addresses, Instant now);

    /** Gives a claim back: the mail was certainly not sent, so the next start of the mailing sends it. */
    void release(String surveyId, String mailingId, String orgNumber);

    /** Records that the outbox accepted the claimed mail, under the id the outbox gave it. */
    void markSent(String surveyId, String mailingId, String orgNumber, String messageId, Instant now);
}
