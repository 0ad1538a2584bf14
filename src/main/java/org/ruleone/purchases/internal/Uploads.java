package org.ruleone.purchases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploaded files, kept on disk under a random name until their import is over, so that an interrupted import can be
 * resumed. A name from the browser never becomes a path.
 */
@Component
public class Uploads {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;

    public Uploads(@Value("${ruleone.purchases.upload-directory:./uploads}") Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** Stores the stream and returns the token that names it. */
    public String store(InputStream content) throws IOException {
        Files.createDirectories(directory);
        String token = UUID.randomUUID().toString();
        Files.copy(content, directory.resolve(token + ".csv"), StandardCopyOption.REPLACE_EXISTING);
        return token;
    }

    /** Deletes the file if it is an upload (never a file the shell import was pointed at); true if it did. */
    public boolean discard(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(directory)) {
            return false;
        }
        try {
            return Files.deleteIfExists(absolute);
        } catch (IOException e) {
            return false;
        }
    }

    public Optional<Path> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(token + ".csv");
        return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }
}
