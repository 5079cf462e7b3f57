package no.ks.barometer.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.questionnaire.OrgType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tokens issued when the stack seeded its data folder. A token is shown only when it is created and the table
 * keeps only its hash, so with {@code --data} the stack keeps them here ({@code links.json} in the data folder,
 * for local use only) to print the same links after a restart. The links are rebuilt from the tokens, so they
 * follow the port the stack runs on.
 */
record IssuedTokens(String surveyId, List<Entry> invitations) {

    static final String FILE_NAME = "links.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String number, String name, String type, String token) {
    }

    IssuedTokens {
        invitations = List.copyOf(invitations);
    }

    List<RespondentLink> links(URI baseUrl) {
        return invitations.stream()
                .map(entry -> new RespondentLink(entry.number(), entry.name(),
                        OrgType.fromCode(entry.type()).orElseThrow(), baseUrl.resolve("/#t=" + entry.token())))
                .toList();
    }

    static Optional<IssuedTokens> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!file.toFile().isFile()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), IssuedTokens.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Kunne ikke lese " + file, e);
        }
    }

    void write(Path dataDir) {
        AtomicFiles.writeJson(dataDir.resolve(FILE_NAME), this);
    }
}
