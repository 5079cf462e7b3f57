package no.ks.barometer.outbox;

import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.mail.Outbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The local stack's outbox: every mail as an {@code .eml} file named by its reference, holding the bytes SES
 * would be given, so that a mail program opens it as the respondent would see it. A file appears whole or not at
 * all; a second mail with the same reference is refused rather than written over (as a failure that says nothing
 * of whether the first went out, so that the claim which should have prevented it stays).
 */
public final class FolderOutbox implements Outbox {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path folder;
    private final Clock clock;

    public FolderOutbox(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** Where a mail with this reference is written. */
    public Path file(String reference) {
        return folder.resolve(UNSAFE.matcher(reference).replaceAll("_") + ".eml");
    }

    @Override
    public String send(OutgoingMail mail) {
        MimeMail mime = MimeMail.of(mail, clock.instant());
        Path target = file(mail.reference());
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".partial-", ".eml");
            try {
                Files.write(partial, mime.bytes());
                // A link, unlike a move, refuses to replace a file that is there.
                Files.createLink(target, partial);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Mail " + mail.reference() + " is in the outbox already: " + target, e);
        } catch (IOException e) {
            throw new MailRefusedException("Cannot write mail " + mail.reference() + " to " + target, e);
        }
        return mime.messageId();
    }
}
