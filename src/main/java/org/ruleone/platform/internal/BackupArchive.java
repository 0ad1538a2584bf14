package org.ruleone.platform.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup of the application's database as one ZIP file: every table of the public schema as PostgreSQL's own
 * {@code COPY} text, all read in one REPEATABLE READ snapshot (so the file is the database at one moment, as pg_dump's
 * is), the sequences, the Flyway version of the schema, and the data directory's key files. The zonky binaries carry
 * no pg_dump, and the host's (Debian's 15) refuses a 17 server: see ADR 0121.
 * <p>
 * Restoring makes the schema with the application's own migrations up to the backup's version, then loads the rows
 * with triggers and foreign keys paused (they were consistent in the snapshot), then sets the sequences.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    private static final String TABLES = "tables/";
    private static final String FILES = "files/";
    private static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /** What the file holds, written last into it. */
    record Manifest(int format, Instant takenAt, String schemaVersion, List<Table> tables, List<Sequence> sequences,
                    List<String> files) {

        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    record Table(String name, List<Column> columns, List<String> primaryKey, long rows) {
    }

    record Column(String name, String type, boolean notNull) {
    }

    record Sequence(String name, long lastValue, boolean called) {
    }

    /**
     * Writes the database seen by {@code connection} (the application's role, which owns every table) into
     * {@code out}, in one snapshot. {@code atSnapshot} receives the snapshot's id (pg_export_snapshot) while the dump
     * is open, so that another transaction can see exactly what the file holds.
     */
    static Manifest write(Connection connection, OutputStream out, Instant takenAt, Map<String, Path> files,
                          Consumer<String> atSnapshot) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            String snapshot = single(connection, "select pg_export_snapshot()");
            atSnapshot.accept(snapshot);
            String version = single(connection, "select version from flyway_schema_history where success"
                    + " and version is not null order by installed_rank desc limit 1");
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            List<Table> tables = new ArrayList<>();
            for (String name : names(connection, "select c.relname from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')"
                    + " and not c.relispartition and c.relname <> 'flyway_schema_history' order by c.relname")) {
                List<Column> columns = columns(connection, name);
                zip.putNextEntry(new ZipEntry(TABLES + name + ".copy"));
                long rows = copy.copyOut("copy (select " + columnList(columns) + " from " + quote(name)
                        + ") to stdout", new KeepOpen(zip));
                zip.closeEntry();
                tables.add(new Table(name, columns, primaryKey(connection, name), rows));
            }
            List<Sequence> sequences = new ArrayList<>();
            for (String name : names(connection, "select c.relname from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by c.relname")) {
                try (Statement s = connection.createStatement();
                     ResultSet r = s.executeQuery("select last_value, is_called from " + quote(name))) {
                    r.next();
                    sequences.add(new Sequence(name, r.getLong(1), r.getBoolean(2)));
                }
            }
            List<String> kept = new ArrayList<>();
            for (var file : files.entrySet()) {
                if (Files.isRegularFile(file.getValue())) {
                    zip.putNextEntry(new ZipEntry(FILES + file.getKey()));
                    Files.copy(file.getValue(), zip);
                    zip.closeEntry();
                    kept.add(file.getKey());
                }
            }
            Manifest manifest = new Manifest(FORMAT, takenAt, version, tables, sequences, kept);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            connection.commit();
            return manifest;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Reads the whole file back as a restore would: every entry's checksum, the manifest, and for each table as many
     * rows as COPY wrote. Throws when anything is missing or different.
     */
    static Manifest verify(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new IOException("The backup " + file + " is missing or empty");
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        Manifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = JSON.readValue(zip.readAllBytes(), Manifest.class);
                } else if (entry.getName().startsWith(TABLES)) {
                    lines.put(entry.getName(), countLines(zip));
                } else {
                    zip.transferTo(OutputStream.nullOutputStream()); // the checksum is checked at the entry's end
                }
            }
        }
        if (manifest == null || manifest.format() != FORMAT) {
            throw new IOException("The backup " + file + " has no manifest of format " + FORMAT);
        }
        for (Table table : manifest.tables()) {
            Long read = lines.get(TABLES + table.name() + ".copy");
            if (read == null || read != table.rows()) {
                throw new IOException("The backup " + file + " holds " + read + " rows of " + table.name() + ", not "
                        + table.rows());
            }
        }
        return manifest;
    }

    static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new IOException(zip.getName() + " is no Rule One backup (no " + MANIFEST + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readValue(in.readAllBytes(), Manifest.class);
        }
    }

    /**
     * Loads the backup's rows into a database whose schema the migrations made up to the backup's version: tables
     * made outside the migrations (the event publications) are made from the manifest, the migrations' own rows
     * are replaced, and every table ends with the rows counted when the backup was written.
     */
    static void load(ZipFile zip, Manifest manifest, Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (Table table : manifest.tables()) {
                s.execute("create table if not exists " + quote(table.name()) + " (" + definition(table) + ")");
            }
            s.execute("set local session_replication_role = replica"); // no triggers, no foreign key checks
            s.execute("truncate " + manifest.tables().stream().map(t -> quote(t.name()))
                    .collect(Collectors.joining(", ")));
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            for (Table table : manifest.tables()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(TABLES + table.name() + ".copy"))) {
                    long rows = copy.copyIn("copy " + quote(table.name()) + " (" + columnList(table.columns())
                            + ") from stdin", in);
                    if (rows != table.rows()) {
                        throw new IOException("Loaded " + rows + " rows of " + table.name() + ", the backup counted "
                                + table.rows());
                    }
                }
            }
            try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
                for (Sequence sequence : manifest.sequences()) {
                    setval.setString(1, quote(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.called());
                    setval.execute();
                }
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The content of the key file kept under {@code name}. */
    static byte[] file(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(FILES + name);
        if (entry == null) {
            throw new IOException(zip.getName() + " lacks the file " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String definition(Table table) {
        String columns = table.columns().stream()
                .map(c -> quote(c.name()) + " " + c.type() + (c.notNull() ? " not null" : ""))
                .collect(Collectors.joining(", "));
        return table.primaryKey().isEmpty() ? columns : columns + ", primary key ("
                + table.primaryKey().stream().map(BackupArchive::quote).collect(Collectors.joining(", ")) + ")";
    }

    private static List<Column> columns(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull from pg_attribute a where a.attrelid = ?::regclass and a.attnum > 0"
                + " and not a.attisdropped and a.attgenerated = '' order by a.attnum")) {
            p.setString(1, quote(table));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    columns.add(new Column(r.getString(1), r.getString(2), r.getBoolean(3)));
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("select a.attname from pg_index i join pg_attribute a"
                + " on a.attrelid = i.indrelid and a.attnum = any(i.indkey) where i.indrelid = ?::regclass"
                + " and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)")) {
            p.setString(1, quote(table));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    key.add(r.getString(1));
                }
            }
        }
        return key;
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static String columnList(List<Column> columns) {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** COPY text has one line per row: a newline inside a value is written as {@code \n}. */
    private static long countLines(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    /** COPY closes the stream it writes to; the ZIP must stay open for the next entry. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
