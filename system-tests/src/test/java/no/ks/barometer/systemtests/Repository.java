package no.ks.barometer.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository's root (template.yaml, openapi.yaml, events/), found from the module's directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("template.yaml"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
