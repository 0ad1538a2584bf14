package org.ruleone.platform.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backups of the embedded database (ADR 0121): nightly and when the owner asks, into the folder the owner chose,
 * each read back before it counts, the oldest removed beyond the number to keep. Every run is recorded when it ends;
 * a failure is logged at ERROR and shown to the owner. Only with the embedded database: a server's backups are its
 * own tools' job.
 */
public class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** The files this class writes, and the only ones it ever removes. */
    static final Pattern BACKUP_FILE = Pattern.compile("rule-one-\\d{8}-\\d{6}-\\d{3}\\.backup");
    static final int MAX_KEEP = 100;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final EmbeddedDatabase database;
    private final Path dataDirectory;
    private final Map<String, Path> keyFiles;
    private final boolean checkByRestore;
    private final AtomicReference<Instant> running = new AtomicReference<>();

    DatabaseBackups(JdbcClient jdbc, DataSource dataSource, Clock clock, EmbeddedDatabase database,
                    Map<String, Path> keyFiles, boolean checkByRestore) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.database = database;
        this.dataDirectory = database.dataDirectory().toAbsolutePath().normalize();
        this.keyFiles = keyFiles;
        this.checkByRestore = checkByRestore;
    }

    public enum Trigger { NIGHTLY, OWNER }

    /** Where backups go and how many stay there. */
    public record Settings(Path folder, int keep, boolean insideDataDirectoryConfirmed) {
    }

    /** One backup as recorded when it ended. */
    public record Run(long id, Trigger trigger, Instant startedAt, Instant finishedAt, String file, Long sizeBytes,
                      Long rowCount, boolean verified, String failure) {

        public boolean failed() {
            return failure != null;
        }
    }

    /** Why a folder was refused; each has a message {@code backup.problem.<name in lower case>}. */
    public enum Problem { REQUIRED, NOT_ABSOLUTE, NOT_A_FOLDER, CANNOT_CREATE, NOT_WRITABLE, INSIDE_DATA_DIRECTORY, KEEP }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Optional<Settings> settings() {
        return jdbc.sql("select folder, keep, inside_data_directory_ok from backup_setting where id = 1")
                .query((r, n) -> new Settings(Path.of(r.getString(1)), r.getInt(2), r.getBoolean(3))).optional();
    }

    /**
     * Checks and keeps the owner's choice: the folder exists or can be made, can be written to, and is outside the
     * data directory unless the owner confirmed it (the same disk: no help when it dies).
     */
    public List<Problem> save(String folderText, int keep, boolean confirmInsideDataDirectory) {
        List<Problem> problems = new ArrayList<>();
        if (keep < 1 || keep > MAX_KEEP) {
            problems.add(Problem.KEEP);
        }
        Optional<Problem> folderProblem = checkFolder(folderText, confirmInsideDataDirectory);
        folderProblem.ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return problems;
        }
        Path folder = Path.of(folderText.strip()).normalize();
        jdbc.sql("""
                insert into backup_setting (id, folder, keep, inside_data_directory_ok, changed_at)
                values (1, :folder, :keep, :inside, :now)
                on conflict (id) do update set folder = excluded.folder, keep = excluded.keep,
                    inside_data_directory_ok = excluded.inside_data_directory_ok, changed_at = excluded.changed_at
                """).param("folder", folder.toString()).param("keep", keep)
                .param("inside", inside(folder)).param("now", java.sql.Timestamp.from(clock.instant())).update();
        return List.of();
    }

    private Optional<Problem> checkFolder(String folderText, boolean confirmInsideDataDirectory) {
        if (folderText == null || folderText.isBlank()) {
            return Optional.of(Problem.REQUIRED);
        }
        Path folder;
        try {
            folder = Path.of(folderText.strip());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.of(Problem.NOT_A_FOLDER);
        }
        if (!folder.isAbsolute()) {
            return Optional.of(Problem.NOT_ABSOLUTE);
        }
        folder = folder.normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return Optional.of(Problem.NOT_A_FOLDER);
        }
        if (inside(folder) && !confirmInsideDataDirectory) {
            return Optional.of(Problem.INSIDE_DATA_DIRECTORY);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return Optional.of(Problem.CANNOT_CREATE);
        }
        try {
            Files.delete(Files.createTempFile(folder, ".rule-one-check", ".tmp"));
        } catch (IOException e) {
            return Optional.of(Problem.NOT_WRITABLE);
        }
        return Optional.empty();
    }

    private boolean inside(Path folder) {
        return real(folder).startsWith(real(dataDirectory));
    }

    /** The path with symbolic links resolved as far as it exists. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                try {
                    return existing.toRealPath().resolve(existing.relativize(absolute));
                } catch (IOException e) {
                    return absolute;
                }
            }
        }
        return absolute;
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("""
                select id, trigger, started_at, finished_at, file, size_bytes, row_count, verified, failure
                from backup_run order by started_at desc, id desc limit :limit
                """).param("limit", limit).query((r, n) -> new Run(r.getLong("id"), Trigger.valueOf(r.getString("trigger")),
                r.getTimestamp("started_at").toInstant(), r.getTimestamp("finished_at").toInstant(),
                r.getString("file"), (Long) r.getObject("size_bytes"), (Long) r.getObject("row_count"),
                r.getBoolean("verified"), r.getString("failure"))).list();
    }

    public Optional<Run> last() {
        return recent(1).stream().findFirst();
    }

    /** The last run, when it failed: what the owner's home page warns about. */
    public Optional<Run> lastFailure() {
        return last().filter(Run::failed);
    }

    /** When the backup under way started, if one is. */
    public Optional<Instant> runningSince() {
        return Optional.ofNullable(running.get());
    }

    /** Starts a backup in the background for the owner; false when one is already under way. */
    public boolean startNow() {
        if (running.get() != null) {
            return false;
        }
        Thread.ofVirtual().name("backup").start(() -> backUp(Trigger.OWNER, snapshot -> { }));
        return true;
    }

    @Scheduled(cron = "${ruleone.backup.cron}")
    void nightly() {
        if (settings().isEmpty()) {
            log.warn("No nightly backup: the owner has not chosen a backup folder (Settings, Backups)");
            return;
        }
        backUp(Trigger.NIGHTLY, snapshot -> { });
    }

    /**
     * Writes, reads back and keeps one backup; the run is recorded whatever happens. Empty when another backup is
     * under way. {@code atSnapshot} receives the id of the snapshot the file holds (see {@link BackupArchive#write}).
     */
    Optional<Run> backUp(Trigger trigger, Consumer<String> atSnapshot) {
        Instant started = clock.instant();
        if (!running.compareAndSet(null, started)) {
            return Optional.empty();
        }
        Path partial = null;
        try {
            Settings settings = settings().orElseThrow(() -> new IOException("no backup folder has been chosen"));
            Path file = settings.folder().resolve("rule-one-" + FILE_TIME.format(started) + ".backup");
            partial = file.resolveSibling(file.getFileName() + ".partial");
            BackupArchive.Manifest manifest;
            try (Connection connection = dataSource.getConnection();
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(ownerOnly(partial)), 1 << 16)) {
                manifest = BackupArchive.write(connection, out, started, keyFiles, atSnapshot);
            }
            BackupArchive.verify(partial);
            if (checkByRestore) {
                restoreIntoScratchDatabase(partial);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long size = Files.size(file);
            Run run = record(trigger, started, file.toString(), size, manifest.rows(), null);
            log.info("Backup written and verified: {} ({} bytes, {} rows)", file, size, manifest.rows());
            removeOldest(settings.folder(), settings.keep());
            return Optional.of(run);
        } catch (Exception e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Backup failed: {}", failure, e);
            deleteQuietly(partial);
            return Optional.of(record(trigger, started, null, null, null, failure));
        } finally {
            running.set(null);
        }
    }

    /**
     * Restores the file as {@code restore} would, into a scratch database of the same server (made and dropped
     * here), and compares every table's rows with the backup's count: a schema changed by hand, which the
     * migrations cannot make again, fails tonight rather than on the day of the restore.
     */
    void restoreIntoScratchDatabase(Path file) throws IOException, SQLException {
        String scratch = "ruleone_backup_check";
        try (Connection admin = database.superuserConnection(); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + scratch + " with (force)");
            s.execute("create database " + scratch + " owner " + database.username());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                BackupArchive.Manifest manifest = BackupArchive.manifest(zip);
                String url = database.jdbcUrl(scratch);
                DatabaseRestore.migrate(url, database.username(), database.password(), manifest.schemaVersion());
                try (Connection connection = DriverManager.getConnection(url, database.username(), database.password());
                     Statement count = connection.createStatement()) {
                    BackupArchive.load(zip, manifest, connection);
                    for (BackupArchive.Table table : manifest.tables()) {
                        try (ResultSet r = count.executeQuery("select count(*) from " + BackupArchive.quote(table.name()))) {
                            r.next();
                            if (r.getLong(1) != table.rows()) {
                                throw new IOException("The scratch restore has " + r.getLong(1) + " rows of "
                                        + table.name() + ", the backup " + table.rows());
                            }
                        }
                    }
                }
            } finally {
                s.execute("drop database if exists " + scratch + " with (force)");
            }
        }
    }

    private Run record(Trigger trigger, Instant started, String file, Long size, Long rows, String failure) {
        Instant finished = clock.instant();
        long id = jdbc.sql("""
                insert into backup_run (trigger, started_at, finished_at, file, size_bytes, row_count, verified, failure)
                values (:trigger, :started, :finished, :file, :size, :rows, :verified, :failure) returning id
                """).param("trigger", trigger.name()).param("started", java.sql.Timestamp.from(started))
                .param("finished", java.sql.Timestamp.from(finished)).param("file", file).param("size", size)
                .param("rows", rows).param("verified", failure == null).param("failure", failure)
                .query(Long.class).single();
        return new Run(id, trigger, started, finished, file, size, rows, failure == null, failure);
    }

    /** Keeps the newest {@code keep} backups of the folder (their names sort by time); returns how many went. */
    int removeOldest(Path folder, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(f -> BACKUP_FILE.matcher(f.getFileName().toString()).matches())
                    .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
        List<Path> old = backups.stream().skip(keep).toList();
        for (Path file : old) {
            Files.deleteIfExists(file);
            log.info("Old backup removed (keeping {}): {}", keep, file);
        }
        return old.size();
    }

    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the unfinished backup {}", file, e);
        }
    }
}
