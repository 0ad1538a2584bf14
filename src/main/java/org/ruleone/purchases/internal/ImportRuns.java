package org.ruleone.purchases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportRun;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.platform.RejectedRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code purchase_import} rows: what ran, how far it got, and how it ended. */
@Repository
public class ImportRuns {

    /** First key of the advisory lock a running import holds (the second key is the import id). */
    static final int RUN_LOCK = 0x5255;
    /** A run younger than this may not have taken its lock yet. */
    static final Duration LOCK_GRACE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    public ImportRuns(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** A stored run's file, mapping and options, enough to run it (again). */
    public record Plan(long id, long storeId, String fileName, Path file, ColumnMapping mapping, boolean allOrNothing) {
    }

    /** Records a new run as RUNNING; the file's digest is written when the run has read the file. */
    public long create(long storeId, String fileName, String filePath, long fileSize, ColumnMapping mapping,
                boolean allOrNothing, Long startedBy) {
        Timestamp now = now();
        return jdbc.sql("""
                insert into purchase_import (store_id, file_name, file_sha256, file_path, file_size, mapping,
                                             all_or_nothing, status, started_by, started_at, heartbeat_at)
                values (:store, :name, '', :path, :size, cast(:mapping as jsonb), :aon, 'RUNNING', :by, :now, :now)
                returning id
                """)
                .param("store", storeId).param("name", fileName).param("path", filePath)
                .param("size", fileSize).param("mapping", json.writeValueAsString(mapping))
                .param("aon", allOrNothing).param("by", startedBy).param("now", now)
                .query(Long.class).single();
    }

    public Optional<Plan> plan(long id) {
        return jdbc.sql("select id, store_id, file_name, file_path, mapping::text, all_or_nothing from purchase_import where id = :id")
                .param("id", id)
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4) == null ? null : Path.of(rs.getString(4)),
                        json.readValue(rs.getString(5), ColumnMapping.class), rs.getBoolean(6)))
                .optional();
    }

    /** Claims an interrupted run for another attempt; false when someone else already did, or it is not resumable. */
    public boolean claimForResume(long id) {
        Timestamp now = now();
        return jdbc.sql("""
                update purchase_import set status = 'RUNNING', heartbeat_at = :now, finished_at = null, progress = 0
                 where id = :id and status = 'INTERRUPTED'
                """)
                .param("id", id).param("now", now).update() == 1;
    }

    public void recordDigest(long id, String sha256) {
        jdbc.sql("update purchase_import set file_sha256 = :sha where id = :id").param("sha", sha256).param("id", id)
                .update();
    }

    /** Written from a separate connection while the run's own transaction is still open. */
    public void heartbeat(long id, long rowsRead, int progress) {
        jdbc.sql("""
                update purchase_import set heartbeat_at = :now, rows_read = :read, progress = :progress
                 where id = :id and status = 'RUNNING'
                """)
                .param("now", now()).param("read", rowsRead).param("progress", progress).param("id", id)
                .update();
    }

    /** Ends a run; only a run still RUNNING can end, so a run that was meanwhile marked INTERRUPTED stays so. */
    public boolean finish(ImportSummary summary) {
        return jdbc.sql("""
                update purchase_import set status = :status, rows_read = :read, rows_imported = :imported,
                       rows_skipped = :skipped, rows_rejected = :rejected, summary = cast(:summary as jsonb),
                       progress = 1000, finished_at = :now, heartbeat_at = :now
                 where id = :id and status = 'RUNNING'
                """)
                .param("status", summary.status().name()).param("read", summary.rowsRead())
                .param("imported", summary.rowsImported()).param("skipped", summary.rowsSkipped())
                .param("rejected", summary.rowsRejected()).param("summary", json.writeValueAsString(summary))
                .param("now", now()).param("id", summary.importId())
                .update() == 1;
    }

    public void recordRejections(long id, Collection<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("delete from purchase_import_error where import_id = :id").param("id", id).update();
        jdbc.sql("""
                insert into purchase_import_error (import_id, line_no, reason, detail, raw)
                select :id, l, r, d, w
                  from unnest(cast(:lines as int[]), cast(:reasons as text[]), cast(:details as text[]),
                              cast(:raws as text[])) as t(l, r, d, w)
                """)
                .param("id", id)
                .param("lines", rows.stream().map(r -> (int) r.lineNo()).toArray(Integer[]::new))
                .param("reasons", rows.stream().map(RejectedRow::reason).toArray(String[]::new))
                .param("details", rows.stream().map(r -> clean(r.detail())).toArray(String[]::new))
                .param("raws", rows.stream().map(r -> clean(r.raw())).toArray(String[]::new))
                .update();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\0', '\uFFFD');
    }

    /**
     * Marks RUNNING imports whose process is gone as INTERRUPTED. A running import holds an advisory lock for its
     * whole load transaction ({@link #holdWhileRunning}); PostgreSQL releases it the moment the importing process
     * dies (its connection closes), on whichever node it ran. So a run whose lock can be taken is dead. The grace
     * period covers the instant between recording a run and its transaction taking the lock.
     */
    public int markStaleAsInterrupted() {
        Instant now = clock.instant();
        return jdbc.sql("""
                update purchase_import set status = 'INTERRUPTED', finished_at = :now
                 where status = 'RUNNING' and heartbeat_at < :grace
                   and pg_try_advisory_xact_lock(%d, cast(id as int))
                """.formatted(RUN_LOCK))
                .param("now", Timestamp.from(now)).param("grace", Timestamp.from(now.minus(LOCK_GRACE)))
                .update();
    }

    /** Called first in an import's load transaction: the lock says "alive" until the transaction ends. */
    static void holdWhileRunning(JdbcClient jdbc, long importId) {
        jdbc.sql("select pg_advisory_xact_lock(%d, cast(:id as int))".formatted(RUN_LOCK))
                .param("id", importId).query(Object.class).list();
    }

    public boolean markRolledBack(long id) {
        return jdbc.sql("""
                update purchase_import set status = 'ROLLED_BACK', finished_at = :now
                 where id = :id and status in ('INTERRUPTED', 'COMPLETED')
                """)
                .param("id", id).param("now", now()).update() == 1;
    }

    public void forgetFile(long id) {
        jdbc.sql("update purchase_import set file_path = null where id = :id").param("id", id).update();
    }

    public Optional<ImportRun> find(long id) {
        return jdbc.sql("select * from purchase_import where id = :id").param("id", id).query(this::run).optional();
    }

    public List<ImportRun> recent(Optional<Long> storeId, int limit) {
        return jdbc.sql("""
                select * from purchase_import where (cast(:store as bigint) is null or store_id = :store)
                 order by id desc limit :limit
                """)
                .param("store", storeId.orElse(null)).param("limit", limit)
                .query(this::run).list();
    }

    public java.util.Map<Long, ImportRun> latestPerStore(java.util.Collection<Long> storeIds) {
        java.util.Map<Long, ImportRun> latest = new java.util.HashMap<>();
        if (storeIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("""
                select r.* from unnest(cast(:stores as bigint[])) as s(id)
                  cross join lateral (select * from purchase_import i where i.store_id = s.id
                                       order by i.id desc limit 1) r
                """)
                .param("stores", storeIds.toArray(Long[]::new))
                .query(this::run).list().forEach(r -> latest.put(r.storeId(), r));
        return latest;
    }

    public List<RejectedRow> rejections(long id, int limit) {
        return jdbc.sql("""
                select line_no, reason, detail, raw from purchase_import_error where import_id = :id
                 order by line_no limit :limit
                """)
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private ImportRun run(ResultSet rs, int row) throws SQLException {
        String summary = rs.getString("summary");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportRun(rs.getLong("id"), rs.getLong("store_id"), rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")), rs.getBoolean("all_or_nothing"),
                rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_skipped"),
                rs.getLong("rows_rejected"), rs.getInt("progress"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                summary == null ? null : summary(summary));
    }

    /** A run recorded before the summary said what was added shows nothing added (those figures were not kept). */
    private ImportSummary summary(String text) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) json.readTree(text);
        for (String added : List.of("invoicesAdded", "customersCreated")) {
            if (!node.has(added)) {
                node.put(added, 0L);
            }
        }
        return json.treeToValue(node, ImportSummary.class);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
