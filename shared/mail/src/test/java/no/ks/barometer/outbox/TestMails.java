package no.ks.barometer.outbox;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mail.MailRenderer;
import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.testing.Surveys;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Nynorsk reminder to a kommune with two contacts, and what a mail program must find when it reads it back. */
final class TestMails {

    static final Instant SENT = Instant.parse("2024-10-21T07:30:00Z");
    static final String LINK = "https://barometer.example/#t=AbCdEfGhIjKlMnOpQrStUv";
    static final Organisation SOGNDAL = new Organisation("4640", "Sogndal", OrgType.KOMMUNE, "46", "Vestland",
            12_300, Maalform.NYNORSK, List.of("postmottak@sogndal.kommune.example"));
    static final List<String> CONTACTS =
            List.of("postmottak@sogndal.kommune.example", "kommunedirektor@sogndal.kommune.example");

    private TestMails() {
    }

    static OutgoingMail reminder(String reference) {
        MailRenderer renderer = new MailRenderer(
                new MailSettings("KS", "Ipsos", "prosjektteamet hos Ipsos", "barometer@partner.example"));
        return new OutgoingMail(reference, new OutgoingMail.Sender("innovasjonsbarometer@ks.example", "KS og Ipsos"),
                CONTACTS, "barometer@partner.example", renderer.render(MailKind.REMINDER, Surveys.open("mail"),
                new IssuedInvitation(SOGNDAL, "AbCdEfGhIjKlMnOpQrStUv", URI.create(LINK))));
    }

    /** Parses the bytes as a mail program would and checks every header and part the mailing relies on. */
    static MimeMessage assertReadsAsTheReminder(byte[] bytes) throws Exception {
        for (byte b : bytes) {
            assertTrue(b >= 0, "an Internet message is 7-bit: UTF-8 text travels encoded");
        }
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));

        assertTrue(message.getMessageID().matches("<[0-9a-f-]{36}@ks\\.example>"), message.getMessageID());
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertEquals("innovasjonsbarometer@ks.example", from.getAddress());
        assertEquals("KS og Ipsos", from.getPersonal());
        assertEquals(CONTACTS, Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress()).toList());
        assertEquals(null, message.getRecipients(Message.RecipientType.CC));
        assertArrayEquals(new InternetAddress[] {new InternetAddress("barometer@partner.example")},
                message.getReplyTo());
        assertEquals("Påminning: Innovasjonsbarometeret 2024 – Sogndal kommune", message.getSubject());
        assertEquals(SENT, message.getSentDate().toInstant());
        assertEquals("nn", message.getHeader("Content-Language", null));
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());

        Multipart parts = (Multipart) message.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        for (int i = 0; i < 2; i++) {
            String contentType = parts.getBodyPart(i).getContentType().toLowerCase();
            assertTrue(contentType.contains("charset=utf-8"), contentType);
            String body = (String) parts.getBodyPart(i).getContent();
            assertTrue(body.contains(LINK), body);
            assertTrue(body.contains("Vi har førebels ikkje fått eit fullført svar frå Sogndal kommune"), body);
        }
        return message;
    }
}
