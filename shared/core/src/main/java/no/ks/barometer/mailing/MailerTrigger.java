package no.ks.barometer.mailing;

/**
 * Sets a registered mailing going and returns before any mail is sent: an asynchronous invocation of the mailer
 * function in AWS, the local stack's own invocation locally.
 */
public interface MailerTrigger {

    void start(String surveyId, String mailingId);
}
