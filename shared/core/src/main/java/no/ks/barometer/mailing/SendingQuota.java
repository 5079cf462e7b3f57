package no.ks.barometer.mailing;

/**
 * What the delivery service lets the account send when a mailing starts (in AWS, SES's {@code GetAccount}).
 *
 * @param sendingEnabled whether the account may send at all; SES pauses an account for its bounces or complaints
 * @param maxSendRate    at most this many mails a second; more are throttled
 */
public record SendingQuota(boolean sendingEnabled, double maxSendRate) {

    public SendingQuota {
        if (sendingEnabled && !(maxSendRate > 0)) {
            throw new IllegalArgumentException("An account that may send has a rate above zero, not " + maxSendRate);
        }
    }
}
