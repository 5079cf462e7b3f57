package no.ks.barometer.functions.mailer;

import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mailing.MailState;
import no.ks.barometer.mailing.MailingReport;
import no.ks.barometer.outbox.FolderOutbox;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The mailer dies midway, right after the outbox took a mail and before it was recorded as sent (the worst
 * moment); run again, as Lambda's retry or a second start does, it mails everyone else, and every organisation
 * has exactly one mail in the outbox: nobody twice, nobody skipped.
 */
@ExtendWith(DynamoDbLocal.class)
class MailerCrashTest {

    private static final int ORGANISATIONS = 40;
    private static final int DIES_AT = 15;

    /** What a killed process looks like from inside: nothing after it runs, no handler catches it. */
    private static final class Killed extends Error {
        Killed() {
            super("killed after mail " + DIES_AT);
        }
    }

    @TempDir
    Path dir;

    @Test
    void mailerKilledMidwayThenRunAgainMailsEveryoneExactlyOnce(DynamoDbLocal.LocalTable table) throws Exception {
        MailerFixture fixture = new MailerFixture(table, "crash", ORGANISATIONS, dir.resolve("link-key"));
        fixture.register("invitasjon", MailKind.INVITATION);
        Path outbox = dir.resolve("outbox");
        FolderOutbox folder = new FolderOutbox(outbox, fixture.clock);
        AtomicInteger handedOver = new AtomicInteger();
        Outbox dying = mail -> {
            String messageId = folder.send(mail);
            if (handedOver.incrementAndGet() == DIES_AT) {
                throw new Killed();
            }
            return messageId;
        };
        MailerHandler first = new MailerHandler(table.client(), table.tableName(), fixture.clock,
                fixture.environment, dying);

        assertThrows(Killed.class, () -> first.run("crash", "invitasjon"));
        assertEquals(DIES_AT, mails(outbox).size());

        MailingReport resumed = fixture.handler(Map.of(MailerHandler.OUTBOX_VARIABLE, outbox.toString()))
                .run("crash", "invitasjon");

        assertEquals(ORGANISATIONS - DIES_AT, resumed.sent().size());
        List<String> mailed = new ArrayList<>();
        for (Path mail : mails(outbox)) {
            String number = mail.getFileName().toString().replace("invitasjon-", "").replace(".eml", "");
            mailed.add(number);
            assertEquals(fixture.links.get(number), MailerFixture.link(Files.readAllBytes(mail)), number);
        }
        assertEquals(fixture.numbers(), mailed.stream().sorted().toList(), "one mail per organisation");
        Map<String, MailState> states = new DynamoMailingStore(table.client(), table.tableName())
                .mails("crash", "invitasjon");
        assertEquals(ORGANISATIONS - 1, states.values().stream().filter(MailState.SENT::equals).count());
        assertEquals(1, states.values().stream().filter(MailState.CLAIMED::equals).count(),
                "the mail the mailer died on stays claimed (in doubt), and is not sent again");
    }

    private static List<Path> mails(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }
}
