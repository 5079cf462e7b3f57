package no.ks.barometer.mail;

/**
 * Where mail is handed over for delivery: Amazon SES in AWS, a folder of {@code .eml} files locally
 * ({@code barometer-mail}).
 */
public interface Outbox {

    /**
     * Hands the mail over and returns the id the delivery service knows it by (bounces and complaints name it).
     * Throws {@link MailRefusedException} if the mail certainly did not go out; after any other failure, whether
     * it went out is not known.
     */
    String send(OutgoingMail mail);
}
