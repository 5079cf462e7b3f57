package no.ks.barometer.outbox;

import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FolderOutboxTest {

    @Test
    void mailIsWrittenAsAnEmlFileThatReadsBackWithEveryHeaderAndPart(@TempDir Path folder) throws Exception {
        FolderOutbox outbox = new FolderOutbox(folder.resolve("outbox"), new MutableClock(TestMails.SENT));

        String messageId = outbox.send(TestMails.reminder("m-2024-10-21-4640"));

        Path file = folder.resolve("outbox/m-2024-10-21-4640.eml");
        assertEquals(file, outbox.file("m-2024-10-21-4640"));
        assertEquals(messageId, TestMails.assertReadsAsTheReminder(Files.readAllBytes(file)).getMessageID());
    }

    @Test
    void secondMailWithTheSameReferenceIsRefusedAndTheFirstKept(@TempDir Path folder) throws IOException {
        FolderOutbox outbox = new FolderOutbox(folder, new MutableClock(TestMails.SENT));
        outbox.send(TestMails.reminder("m1-4640"));
        byte[] first = Files.readAllBytes(outbox.file("m1-4640"));

        assertThrows(IllegalStateException.class, () -> outbox.send(TestMails.reminder("m1-4640")));

        assertEquals(List.of(outbox.file("m1-4640")), Files.list(folder).toList());
        assertEquals(new String(first), Files.readString(outbox.file("m1-4640")));
    }

    @Test
    void referenceCannotReachOutsideTheFolder(@TempDir Path folder) {
        FolderOutbox outbox = new FolderOutbox(folder, new MutableClock(TestMails.SENT));

        assertEquals(folder.resolve(".._.._etc_m.eml"), outbox.file("../../etc/m"));
    }

    @Test
    void recipientThatIsNoAddressIsRefusedBeforeAnythingIsWritten(@TempDir Path folder) throws IOException {
        FolderOutbox outbox = new FolderOutbox(folder, new MutableClock(TestMails.SENT));
        OutgoingMail good = TestMails.reminder("bad-4640");
        OutgoingMail bad = new OutgoingMail(good.reference(), good.from(),
                List.of("postmottak@sogndal.kommune.example", "not an address"), good.replyTo(), good.content());

        assertThrows(MailRefusedException.class, () -> outbox.send(bad));
        assertEquals(0, Files.list(folder).count());
    }
}
