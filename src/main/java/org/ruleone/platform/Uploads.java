package org.ruleone.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files people upload to import, kept on disk under a random name, readable by this process's user only.
 * <ul>
 * <li>An upload belongs to the associate who sent it: it sits in their own folder, so its token is worth nothing
 * to anyone else, even in the same store.</li>
 * <li>When an import starts, the file moves to a folder of files in use ({@link #keepForImport}), where it stays
 * until the import is over (so that an interrupted import can be resumed).</li>
 * <li>An upload never imported is deleted after {@link #UNUSED_FOR} by {@link #sweep}.</li>
 * </ul>
 * A name from the browser never becomes a path.
 */
@Component
public class Uploads {

    /** The largest file accepted; {@code spring.servlet.multipart.max-file-size} says the same. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    public static final Duration UNUSED_FOR = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String IN_USE = "imports";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final Clock clock;

    public Uploads(@Value("${ruleone.uploads.directory:./data/uploads}") Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The file's own name as a browser sent it, without any folder, for display only ("upload.csv" when none). */
    public static String displayName(String original) {
        if (original == null) {
            return "upload.csv";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}]", "").strip();
        return name.isEmpty() ? "upload.csv" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** Stores the stream as an upload of this associate and returns the token that names it. */
    public String store(InputStream content, long associateId) throws IOException {
        Path folder = folder(directory.resolve(String.valueOf(associateId)));
        String token = UUID.randomUUID().toString();
        Path file = folder.resolve(token + ".csv");
        Files.createFile(file, fileAttributes());
        try (OutputStream out = Files.newOutputStream(file)) {
            content.transferTo(out);
        }
        return token;
    }

    /** What an import checks of an upload before its mapping screen; refusing throws {@link CsvLimits.Refused}. */
    @FunctionalInterface
    public interface Check {
        void check(Path upload) throws IOException;
    }

    /**
     * Keeps what a browser sent as an upload of this associate and checks it: the address of the mapping screen
     * ({@code mappingPath} with the upload's token and display name), or, when the check refuses the file, of
     * {@code refusedPath} saying why and on which line (and the file is gone).
     */
    public String receive(InputStream content, String originalName, long associateId, Check check,
                          String mappingPath, String refusedPath) throws IOException {
        String token = store(content, associateId);
        Path stored = find(token, associateId).orElseThrow();
        try {
            check.check(stored);
        } catch (CsvLimits.Refused e) {
            discard(stored);
            return refusedPath + "?refused=" + e.problem().name() + "&line=" + e.line();
        }
        return org.springframework.web.util.UriComponentsBuilder.fromPath(mappingPath).queryParam("upload", token)
                .queryParam("name", displayName(originalName)).build().encode().toUriString();
    }

    /** The upload with this token, if this associate sent it and it is still waiting. */
    public Optional<Path> find(String token, long associateId) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(String.valueOf(associateId)).resolve(token + ".csv");
        return Files.isReadable(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Moves an upload out of the waiting folder for an import that starts now, so the sweep leaves it alone; the
     * import {@linkplain #discard discards} it when it is over.
     *
     * @return where the file now is
     */
    public Path keepForImport(Path upload) {
        try {
            Path folder = folder(directory.resolve(IN_USE));
            return Files.move(upload, folder.resolve(upload.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Deletes the uploads nobody imported within {@link #UNUSED_FOR}; returns how many. */
    public int sweep() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Instant before = clock.instant().minus(UNUSED_FOR);
        int deleted = 0;
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().matches("[0-9]+")).toList()) {
                deleted += sweep(folder, before);
            }
        } catch (IOException e) {
            log.warn("Sweeping uploads in {} failed", directory, e);
        }
        return deleted;
    }

    private static int sweep(Path folder, Instant before) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Creates the folder (and the uploads folder) for this process's user only, or tightens an existing one. */
    private Path folder(Path folder) throws IOException {
        for (Path f : new Path[] {directory, folder}) {
            if (!Files.isDirectory(f)) {
                Files.createDirectories(f, directoryAttributes());
            }
            if (POSIX) {
                Files.setPosixFilePermissions(f, OWNER_DIRECTORY);
            }
        }
        return folder;
    }

    private static FileAttribute<?>[] directoryAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }
}
