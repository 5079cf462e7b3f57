package no.ks.barometer.outbox;

/** SES did not tell the account's sending quota: the request failed, or its answer had no usable quota. */
public final class SendingQuotaUnknownException extends RuntimeException {

    SendingQuotaUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
