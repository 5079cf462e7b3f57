package no.ks.barometer.mail;

/**
 * The outbox certainly did not send the mail: the delivery service answered with a refusal (throttling, a
 * rejected message, an unverified sender), or the mail could not even be made. Any other failure of
 * {@link Outbox#send} leaves unknown whether it went out.
 */
public final class MailRefusedException extends RuntimeException {

    public MailRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
