package no.ks.barometer.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The checkout the local stack runs from: the directory with template.yaml. Found from the jar's own location
 * ({@code local/target/barometer-local.jar}) or, when run from classes (tests, an IDE), from the working directory.
 */
public final class ProjectRoot {

    public static final String TEMPLATE = "template.yaml";

    private ProjectRoot() {
    }

    /** The nearest directory at or above {@code start} that holds template.yaml. */
    public static Optional<Path> above(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public static Path locate() {
        return codeLocation().flatMap(ProjectRoot::above)
                .or(() -> above(Path.of("")))
                .orElseThrow(() -> new IllegalStateException("Fant ikke " + TEMPLATE
                        + " over " + Path.of("").toAbsolutePath() + ": start fra prosjektets katalog"));
    }

    static Optional<Path> codeLocation() {
        CodeSource source = ProjectRoot.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
