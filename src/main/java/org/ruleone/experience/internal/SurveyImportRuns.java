package org.ruleone.experience.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.experience.SurveyImportRun;
import org.ruleone.experience.SurveyImportStatus;
import org.ruleone.platform.RejectedRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code survey_import} rows: what ran, how far it got and how it ended, and the rows it did not take. */
@Repository
public class SurveyImportRuns {

    /** A running import writes a heartbeat after every batch; one silent this long died with its process. */
    static final Duration SILENT_FOR = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    SurveyImportRuns(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public long create(long storeId, String fileName, SurveyImportMapping mapping, Long startedBy) {
        Timestamp now = now();
        return jdbc.sql("""
                insert into survey_import (store_id, file_name, mapping, status, started_by, started_at, heartbeat_at)
                values (:store, :name, cast(:mapping as jsonb), 'RUNNING', :by, :now, :now)
                returning id
                """)
                .param("store", storeId).param("name", fileName).param("mapping", json.writeValueAsString(mapping))
                .param("by", startedBy).param("now", now)
                .query(Long.class).single();
    }

    /** The mapping an earlier run used, for the shell to import another file the same way. */
    public Optional<SurveyImportMapping> mapping(long id) {
        return jdbc.sql("select mapping::text from survey_import where id = :id").param("id", id)
                .query(String.class).optional().map(m -> json.readValue(m, SurveyImportMapping.class));
    }

    /** The figures so far, written from the importing thread between its batches. */
    public void heartbeat(Counts counts, int progress) {
        jdbc.sql("""
                update survey_import set heartbeat_at = :now, rows_read = :read, rows_imported = :imported,
                       rows_skipped = :skipped, rows_rejected = :rejected, invoices_tied = :tied,
                       invoices_unknown = :unknown, clients_created = :created, progress = :progress
                 where id = :id and status = 'RUNNING'
                """)
                .param("now", now()).param("read", counts.read).param("imported", counts.imported)
                .param("skipped", counts.skipped).param("rejected", counts.rejected).param("tied", counts.invoicesTied)
                .param("unknown", counts.invoicesUnknown).param("created", counts.clientsCreated)
                .param("progress", progress).param("id", counts.importId)
                .update();
    }

    public void finish(Counts counts, SurveyImportStatus status, String problem) {
        heartbeat(counts, 1000);
        jdbc.sql("""
                update survey_import set status = :status, problem = :problem, finished_at = :now
                 where id = :id and status = 'RUNNING'
                """)
                .param("status", status.name()).param("problem", problem).param("now", now())
                .param("id", counts.importId).update();
    }

    public void recordRejections(long id, Collection<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into survey_import_error (import_id, line_no, reason, detail, raw)
                select :id, l, r, d, w
                  from unnest(cast(:lines as int[]), cast(:reasons as text[]), cast(:details as text[]),
                              cast(:raws as text[])) as t(l, r, d, w)
                on conflict do nothing
                """)
                .param("id", id)
                .param("lines", rows.stream().map(r -> (int) r.lineNo()).toArray(Integer[]::new))
                .param("reasons", rows.stream().map(RejectedRow::reason).toArray(String[]::new))
                .param("details", rows.stream().map(r -> clean(r.detail())).toArray(String[]::new))
                .param("raws", rows.stream().map(r -> clean(r.raw())).toArray(String[]::new))
                .update();
    }

    public Optional<SurveyImportRun> find(long id) {
        return jdbc.sql("select * from survey_import where id = :id").param("id", id).query(this::run).optional();
    }

    /** The newest runs of these stores (every store when empty). */
    public List<SurveyImportRun> recent(Optional<Long> storeId, int limit) {
        return jdbc.sql("""
                select * from survey_import where (cast(:store as bigint) is null or store_id = :store)
                 order by id desc limit :limit
                """)
                .param("store", storeId.orElse(null)).param("limit", limit).query(this::run).list();
    }

    public List<RejectedRow> rejections(long id, int limit) {
        return jdbc.sql("""
                select line_no, reason, detail, raw from survey_import_error where import_id = :id
                 order by line_no limit :limit
                """)
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private SurveyImportRun run(ResultSet rs, int row) throws SQLException {
        SurveyImportStatus status = SurveyImportStatus.valueOf(rs.getString("status"));
        Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
        if (status == SurveyImportStatus.RUNNING && heartbeat.isBefore(clock.instant().minus(SILENT_FOR))) {
            status = SurveyImportStatus.INTERRUPTED;
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SurveyImportRun(rs.getLong("id"), rs.getLong("store_id"), rs.getString("file_name"), status,
                rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_skipped"),
                rs.getLong("rows_rejected"), rs.getLong("invoices_tied"), rs.getLong("invoices_unknown"),
                rs.getLong("clients_created"), rs.getInt("progress"), rs.getString("problem"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\0', '\uFFFD');
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** A run's figures as it goes. */
    public static final class Counts {
        final long importId;
        long read;
        long imported;
        long skipped;
        long rejected;
        long invoicesTied;
        long invoicesUnknown;
        long clientsCreated;

        Counts(long importId) {
            this.importId = importId;
        }
    }
}
