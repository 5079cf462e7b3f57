package no.ks.barometer.keys;

import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkKeyFileTest {

    @Test
    void missingKeyFileIsMadeOwnerOnlyAndGivesTheSameLinksWhenLoadedAgain(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("data/link.key");

        String before = Tokens.derive(LinkKeyFile.load(file), "survey", "3101", 1);
        String after = Tokens.derive(LinkKeyFile.load(file), "survey", "3101", 1);

        assertEquals(before, after);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void everyNewKeyFileHoldsAnotherKey(@TempDir Path directory) {
        assertNotEquals(Tokens.derive(LinkKeyFile.load(directory.resolve("a.key")), "s", "3101", 1),
                Tokens.derive(LinkKeyFile.load(directory.resolve("b.key")), "s", "3101", 1));
    }

    @Test
    void fileOfAnotherLengthIsNotTakenForAKey(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("link.key"), "not a key\n");

        assertThrows(IllegalStateException.class, () -> LinkKeyFile.load(file));
    }
}
