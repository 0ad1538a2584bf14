package org.ruleone.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret kept in a file of the data directory when no configuration gives it (embedded database only): read when
 * it exists, else made of random bytes and written in base64, readable by its owner only from its first byte.
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** The file's text; a new key of {@code bytes} random bytes, in base64, when there is no file yet. */
    public static String readOrCreate(Path keyFile, int bytes) {
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile);
            }
            byte[] fresh = new byte[bytes];
            RANDOM.nextBytes(fresh);
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                // owner-only from its creation: never readable by others, not even for a moment
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(keyFile); // no POSIX permissions here; the directory's protection applies
            }
            String text = Base64.getEncoder().encodeToString(fresh);
            Files.writeString(keyFile, text, StandardOpenOption.TRUNCATE_EXISTING);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + keyFile, e);
        }
    }
}
