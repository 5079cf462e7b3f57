package no.ks.barometer.keys;

import no.ks.barometer.token.HmacLinkKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The local stack's link key: {@value HmacLinkKey#KEY_BYTES} random bytes in a file beside its data, made on first
 * use and kept, so links made before a restart still match afterwards. Readable by its owner only.
 */
public final class LinkKeyFile {

    private LinkKeyFile() {
    }

    /** The key in {@code file}, made first if the file does not exist. */
    public static HmacLinkKey load(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != HmacLinkKey.KEY_BYTES) {
                throw new IllegalStateException("The link key file " + file + " holds " + key.length + " bytes, not "
                        + HmacLinkKey.KEY_BYTES + "; it is not a link key");
            }
            return new HmacLinkKey(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the link key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[HmacLinkKey.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path written = Files.createTempFile(parent, ".link-key", ".tmp");
        try {
            if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(written, key, StandardOpenOption.TRUNCATE_EXISTING);
            // A link rather than a move, which would replace a key another process made meanwhile.
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // That process's key is the one every link is made with: the caller reads it.
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
