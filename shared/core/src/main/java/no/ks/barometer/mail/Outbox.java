package no.ks.barometer.mail;

/**
 * Where mail is handed over for delivery: Amazon SES in AWS, a folder of {@code .eml} files locally
 * ({@code barometer-mail}).
 */
public interface Outbox {

    /**
     * Hands the mail over and returns the id the delivery service knows it by (bounces and complaints name it).
     * Throws if the mail was not accepted; whether it then went out is not known.
     */
    String send(OutgoingMail mail);
}
