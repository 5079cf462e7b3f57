package no.ks.barometer.mail;

/** A mail's words, ready to be put in a MIME message: a one-line subject, a plain text part and an HTML part. */
public record RenderedMail(MailLanguage language, String subject, String text, String html) {
}
