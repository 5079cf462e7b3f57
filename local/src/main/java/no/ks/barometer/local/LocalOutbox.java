package no.ks.barometer.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local stack's outbox: the folder the mailer writes every mail to as an {@code .eml} file, the bytes SES would
 * be given, so a mail program opens it as the respondent would see it. Kept after the stack stops.
 */
final class LocalOutbox implements LocalService {

    private final Path folder;
    private final PrintStream out;

    LocalOutbox(Path folder, PrintStream out) {
        this.folder = folder;
        this.out = out;
    }

    Path folder() {
        return folder;
    }

    @Override
    public String name() {
        return "Utboksen";
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(folder);
    }

    void printWhere() {
        out.println("  E-post (utsendinger) skrives som .eml-filer til " + folder.toAbsolutePath());
    }

    @Override
    public void stop() {
        // The mails stay for whoever wants to open them.
    }
}
