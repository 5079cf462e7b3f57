package no.ks.barometer.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The file {@code --links-file} asks for (docs/local-stack.md), for tests and scripts. */
record LinksFile(String baseUrl, String adminToken, List<Invitation> invitations) {

    record Invitation(String number, String name, String type, String url) {
    }

    static LinksFile of(URI baseUrl, String adminToken, List<RespondentLink> links) {
        String base = baseUrl.toString().replaceAll("/$", "");
        return new LinksFile(base, adminToken, links.stream()
                .map(link -> new Invitation(link.number(), link.name(), link.type().code(), link.url().toString()))
                .toList());
    }

    void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }
}
