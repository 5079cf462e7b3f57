package no.ks.barometer.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.OutgoingMail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A mail as the bytes of an Internet message (RFC 5322, MIME): UTF-8 throughout, a plain text and an HTML
 * alternative, {@code From} with the sender's name, every contact of the organisation in {@code To},
 * {@code Reply-To} the survey's contact, a {@code Message-ID} in the sender's domain, the language in
 * {@code Content-Language}. Every outbox sends exactly these bytes.
 *
 * @param messageId the {@code Message-ID} header, angle brackets included
 */
public record MimeMail(String messageId, List<String> recipients, byte[] bytes) {

    private static final String UTF_8 = "UTF-8";
    /** No mail server is ever asked anything: the session only builds messages. */
    private static final Session SESSION = Session.getInstance(new Properties());

    /** Refuses ({@link MailRefusedException}) a mail that cannot be made, such as one to a malformed address. */
    public static MimeMail of(OutgoingMail mail, Instant date) {
        try {
            InternetAddress from = new InternetAddress(strict(mail.from().address()).getAddress(),
                    mail.from().name(), UTF_8);
            InternetAddress[] to = mail.to().stream().map(MimeMail::strict).toArray(InternetAddress[]::new);
            String messageId = "<" + UUID.randomUUID() + "@" + domain(from.getAddress()) + ">";
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // Jakarta Mail would name the local host, looking it up in DNS.
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(from);
            message.setRecipients(MimeMessage.RecipientType.TO, to);
            message.setReplyTo(new InternetAddress[] {strict(mail.replyTo())});
            message.setSubject(mail.content().subject(), UTF_8);
            message.setSentDate(Date.from(date));
            message.setHeader("Content-Language", mail.content().language().tag());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.content().text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.content().html(), UTF_8, "html");
            // Least preferred first (RFC 2046): a mail program shows the HTML where it can.
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
            message.saveChanges();

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return new MimeMail(messageId, List.copyOf(mail.to()), bytes.toByteArray());
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            throw new MailRefusedException("Mail " + mail.reference() + " cannot be made: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InternetAddress strict(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + address, e);
        }
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
