package no.ks.barometer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.questionnaire.OrgType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every respondent link as JSON (docs/local-stack.md): what {@code --links-file} asks for, and what the stack keeps
 * as {@code links.json} in its data folder. A token is shown only when it is issued and the table keeps only its
 * hash, so the data folder's copy is what lets a restart print the links again (local use only).
 */
record LinksFile(String baseUrl, String adminToken, List<Invitation> invitations) {

    static final String DATA_FILE_NAME = "links.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Invitation(String number, String name, String type, String url) {
    }

    LinksFile {
        invitations = List.copyOf(invitations);
    }

    static LinksFile of(URI baseUrl, String adminToken, List<RespondentLink> links) {
        String base = baseUrl.toString().replaceAll("/$", "");
        return new LinksFile(base, adminToken, links.stream()
                .map(link -> new Invitation(link.number(), link.name(), link.type().code(), link.url().toString()))
                .toList());
    }

    /** The links with the same tokens, pointing at {@code baseUrl}: the stack may run on another port now. */
    List<RespondentLink> links(URI baseUrl) {
        return invitations.stream()
                .map(invitation -> new RespondentLink(invitation.number(), invitation.name(),
                        OrgType.fromCode(invitation.type()).orElseThrow(() -> new IllegalStateException(
                                "Ukjent organisasjonstype i lenkefila: " + invitation.type())),
                        baseUrl.resolve("/#" + URI.create(invitation.url()).getRawFragment())))
                .toList();
    }

    static Optional<LinksFile> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LinksFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Kunne ikke lese " + file, e);
        }
    }

    void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }
}
