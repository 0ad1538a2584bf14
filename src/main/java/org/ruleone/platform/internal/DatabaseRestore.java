package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * {@code java -jar rule-one.jar restore --file=BACKUP [--data-dir=DIR]} (or {@code bin/restore}): a backup made by
 * {@link DatabaseBackups} into a fresh data directory (RULEONE_DATA_DIR, else ./data), which must be empty or absent.
 * The embedded database is created there, the application's migrations make the schema up to the backup's version,
 * the rows are loaded and the key files put back. Starting Rule One on that directory then shows the backup's data
 * (newer migrations run then, as after any upgrade). No Spring context: nothing else runs meanwhile (ADR 0121).
 */
public final class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    private DatabaseRestore() {
    }

    /** What was restored. */
    record Restored(Path dataDirectory, String schemaVersion, int tables, long rows, java.time.Instant takenAt) {
    }

    /** A refusal the person can fix: a wrong command or a data directory in use. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The shell command: prints one line of JSON on stdout; 0 = restored, 1 = failed, 2 = refused. */
    public static int run(String... args) {
        String file = option(args, "file");
        String dir = option(args, "data-dir");
        if (dir == null) {
            dir = System.getenv().getOrDefault("RULEONE_DATA_DIR", "./data");
        }
        try {
            if (file == null) {
                throw new Refused("usage: restore --file=BACKUP [--data-dir=DIR]");
            }
            Restored restored = restore(Path.of(file), Path.of(dir));
            out("{\"status\":\"restored\",\"dataDirectory\":" + json(restored.dataDirectory().toString())
                    + ",\"takenAt\":" + json(restored.takenAt().toString()) + ",\"schemaVersion\":"
                    + json(restored.schemaVersion()) + ",\"tables\":" + restored.tables() + ",\"rows\":"
                    + restored.rows() + "}");
            return 0;
        } catch (Refused e) {
            out("{\"status\":\"refused\",\"reason\":" + json(e.getMessage()) + "}");
            return 2;
        } catch (Exception e) {
            log.error("Restore failed", e);
            out("{\"status\":\"failed\",\"reason\":" + json(e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (remove what the restore left in " + Path.of(dir).toAbsolutePath().normalize()
                    + " before trying again)") + "}");
            return 1;
        }
    }

    /** Restores {@code backup} into {@code dataDirectory}, which must be empty or absent. */
    static Restored restore(Path backup, Path dataDirectory) throws Refused, IOException, SQLException {
        if (!Files.isRegularFile(backup)) {
            throw new Refused("no backup file at " + backup);
        }
        Path dir = dataDirectory.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new Refused("the data directory " + dir + " is not empty: restore into a new one");
                }
            }
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            BackupArchive.Manifest manifest = BackupArchive.manifest(zip);
            BackupArchive.verify(backup);
            log.info("Restoring the backup of {} ({} rows) into {}", manifest.takenAt(), manifest.rows(), dir);
            try (EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(dir, 0, false,
                    true, 20, "128MB"))) {
                migrate(database.jdbcUrl(), database.username(), database.password(), manifest.schemaVersion());
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password())) {
                    BackupArchive.load(zip, manifest, connection);
                }
            }
            for (String name : manifest.files()) {
                writeOwnerOnly(dir.resolve(name), BackupArchive.file(zip, name));
            }
            return new Restored(dir, manifest.schemaVersion(), manifest.tables().size(), manifest.rows(),
                    manifest.takenAt());
        }
    }

    /** The application's migrations, SQL and Java, up to the backup's version and no further. */
    static void migrate(String url, String user, String password, String version) throws IOException {
        Flyway flyway = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations())
                .target(MigrationVersion.fromVersion(version))
                .load();
        flyway.migrate();
        var current = flyway.info().current();
        if (current == null || !current.getVersion().equals(MigrationVersion.fromVersion(version))) {
            throw new IOException("This Rule One has migrations up to " + (current == null ? "none" : current.getVersion())
                    + ", the backup was made at " + version + ": restore it with the version that made it or a newer one");
        }
    }

    /** The Java migrations the application runs as Spring beans (such as customers' V105), made without Spring. */
    private static JavaMigration[] javaMigrations() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        return scanner.findCandidateComponents("org.ruleone").stream().map(candidate -> {
            try {
                var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
                constructor.setAccessible(true);
                return (JavaMigration) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make the Java migration " + candidate.getBeanClassName(), e);
            }
        }).toArray(JavaMigration[]::new);
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String option(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return null;
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static void out(String line) {
        org.ruleone.platform.ShellCommands.printLine(line);
    }
}
