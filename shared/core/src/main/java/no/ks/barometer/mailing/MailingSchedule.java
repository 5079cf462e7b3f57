package no.ks.barometer.mailing;

import java.time.Instant;

/**
 * Runs a registered mailing once at a given time: a one-time EventBridge Scheduler schedule invoking the mailer
 * function in AWS, the local stack's scheduler locally.
 */
public interface MailingSchedule {

    /** Fails if a schedule for this mailing exists already. */
    void runAt(String surveyId, String mailingId, Instant at);
}
