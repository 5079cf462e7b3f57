package no.ks.barometer.local.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalDynamoDbTest {

    @TempDir
    Path dir;

    @Test
    void nativeLibraryIsFoundInTheFirstFolderThatHoldsIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("libsqlite4java-linux-amd64-1.0.392.so"), "");
        Files.writeString(second.resolve("libsqlite4java-linux-amd64-1.0.392.so"), "");
        assertEquals(Optional.of(first), LocalDynamoDb.nativeLibraryDirectory(
                List.of(dir.resolve("missing"), empty, first, second)));
    }

    @Test
    void noFolderWithTheNativeLibraryFindsNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README"), "no library here");
        assertEquals(Optional.empty(), LocalDynamoDb.nativeLibraryDirectory(List.of(empty, dir.resolve("missing"))));
    }
}
