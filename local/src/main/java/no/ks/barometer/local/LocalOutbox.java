package no.ks.barometer.local;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local stack's outbox: the folder the mailer writes every mail to as an {@code .eml} file, the bytes SES would
 * be given, so a mail program opens it as the respondent would see it. Kept after the stack stops.
 */
final class LocalOutbox implements LocalService {

    /** A respondent link as the mail templates write it: the token in the fragment. */
    private static final Pattern LINK = Pattern.compile("https?://\\S+#t=[A-Za-z0-9_-]+");

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

    /**
     * The links the mails in the outbox carry, one per organisation (its newest mail's), read as a mail program
     * would read them: MIME-decoded from each mail's text part. A mail's file is {@code <mailingId>-<orgNumber>.eml};
     * the organisation's name and type come from {@code known}, and a mail for an organisation it does not know
     * is left out.
     */
    List<RespondentLink> links(List<RespondentLink> known) {
        Map<String, RespondentLink> byNumber = known.stream()
                .collect(Collectors.toMap(RespondentLink::number, Function.identity(), (a, b) -> a));
        Map<String, RespondentLink> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> mails = files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .sorted((a, b) -> lastModified(a).compareTo(lastModified(b))).toList();
            for (Path mail : mails) {
                String name = mail.getFileName().toString();
                String number = name.substring(name.lastIndexOf('-') + 1, name.length() - ".eml".length());
                RespondentLink organisation = byNumber.get(number);
                if (organisation != null) {
                    found.put(number, new RespondentLink(number, organisation.name(), organisation.type(),
                            link(mail)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(found.values());
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The respondent link in a mail's text part. */
    static URI link(Path mail) throws IOException {
        try (InputStream in = Files.newInputStream(mail)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Object text = ((Multipart) message.getContent()).getBodyPart(0).getContent();
            Matcher link = LINK.matcher(String.valueOf(text));
            if (!link.find()) {
                throw new IOException("Ingen svarlenke i " + mail);
            }
            return URI.create(link.group());
        } catch (MessagingException e) {
            throw new IOException("Kunne ikke lese " + mail, e);
        }
    }

    @Override
    public void stop() {
        // The mails stay for whoever wants to open them.
    }
}
