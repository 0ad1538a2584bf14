package org.ruleone.purchases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.CsvPreview;
import org.ruleone.platform.RejectedRow;
import org.ruleone.platform.Uploads;
import org.ruleone.purchases.internal.CsvImporter;
import org.ruleone.purchases.internal.ImportRuns;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Imports of purchase lines from CSV files: started from the browser (in the background) or the shell. */
@Service
public class PurchaseImports implements DisposableBean {

    private static final int PREVIEW_ROWS = 5;
    private static final int PREVIEW_VALUE = 200;
    /** How many rows the number style is detected from (the Online Retail file: in a few hundred milliseconds). */
    static final int DETECTION_ROWS = 20_000;

    private final CsvImporter importer;
    private final Uploads uploads;
    private final ImportRuns runs;
    private final Organization organization;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PurchaseImports(CsvImporter importer, ImportRuns runs, Organization organization, JdbcClient jdbc,
                    TransactionTemplate transactions, Uploads uploads) {
        this.uploads = uploads;
        this.importer = importer;
        this.runs = runs;
        this.organization = organization;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * What to import.
     *
     * @param fileName  the name the person knows the file by
     * @param startedBy the associate, or {@code null} for the shell
     */
    public record Request(long storeId, Path file, String fileName, ColumnMapping mapping, boolean allOrNothing,
                          Long startedBy) {
    }

    /** Imports now, in the calling thread, and returns the figures. */
    public ImportSummary importNow(Request request) {
        StoreSummary store = store(request.storeId());
        long id = record(request);
        return importer.run(id, store.id(), store.timeZone(), request.file(), request.mapping(),
                request.allOrNothing());
    }

    /** Starts the import in the background and returns its id at once; its progress is in {@link #find}. */
    public long start(Request request) {
        StoreSummary store = store(request.storeId());
        long id = record(request);
        background.submit(() -> runInBackground(id, store, request.file(), request.mapping(), request.allOrNothing()));
        return id;
    }

    /** Runs an interrupted import again, in the background; lines it already loaded are skipped, not doubled. */
    public boolean resume(long importId) {
        var plan = runs.find(importId).filter(r -> r.status().resumable()).flatMap(r -> planOf(importId));
        if (plan.isEmpty() || plan.get().file() == null || !Files.isReadable(plan.get().file())
                || !runs.claimForResume(importId)) {
            return false;
        }
        StoreSummary store = store(plan.get().storeId());
        background.submit(() -> runInBackground(importId, store, plan.get().file(), plan.get().mapping(),
                plan.get().allOrNothing()));
        return true;
    }

    /** An uploaded file is kept only while its import may still be resumed. */
    private void runInBackground(long id, StoreSummary store, Path file, ColumnMapping mapping, boolean allOrNothing) {
        ImportSummary summary = importer.run(id, store.id(), store.timeZone(), file, mapping, allOrNothing);
        if (summary.status() != ImportStatus.INTERRUPTED && uploads.discard(file)) {
            runs.forgetFile(id);
        }
    }

    /**
     * Deletes the lines an import added (and the purchases left empty), and marks it ROLLED_BACK; the uploaded file
     * kept for a resume goes too.
     */
    public boolean rollBack(long importId) {
        boolean done = rollBackLines(importId);
        if (done) {
            planOf(importId).map(ImportRuns.Plan::file).filter(uploads::discard)
                    .ifPresent(file -> runs.forgetFile(importId));
        }
        return done;
    }

    private boolean rollBackLines(long importId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            var run = runs.find(importId);
            if (run.isEmpty() || !runs.markRolledBack(importId)) {
                return false;
            }
            CsvImporter.lockStore(jdbc, run.get().storeId());
            jdbc.sql("""
                    create temporary table purchase_rolled_back on commit drop as
                    with gone as (delete from purchase_line l using purchase p
                                   where p.id = l.purchase_id and p.store_id = :store and l.import_id = :id
                                  returning l.purchase_id)
                    select distinct purchase_id from gone
                    """).param("store", run.get().storeId()).param("id", importId).update();
            jdbc.sql("""
                    delete from purchase p using purchase_rolled_back r
                     where p.id = r.purchase_id and not exists (select 1 from purchase_line l where l.purchase_id = p.id)
                    """).update();
            jdbc.sql("""
                    update purchase p set total = s.total, items = s.items, line_count = s.lines
                      from (select purchase_id, sum(quantity * unit_price) as total, sum(quantity) as items,
                                   count(*) as lines
                              from purchase_line where purchase_id in (select purchase_id from purchase_rolled_back)
                             group by purchase_id) s
                     where p.id = s.purchase_id
                    """).update();
            return true;
        }));
    }

    public Optional<ImportRun> find(long importId) {
        return runs.find(importId);
    }

    /** The newest runs, of one store or (empty) of all stores. */
    public List<ImportRun> recent(Optional<Long> storeId, int limit) {
        return runs.recent(storeId, limit);
    }

    /** Each of these stores' newest run, in one query; a store that never imported is absent. */
    public java.util.Map<Long, ImportRun> latestPerStore(java.util.Collection<Long> storeIds) {
        return runs.latestPerStore(storeIds);
    }

    public List<RejectedRow> rejectedRows(long importId, int limit) {
        return runs.rejections(importId, limit);
    }

    /** Marks runs whose process died (no heartbeat for a while) as INTERRUPTED. */
    public int markStaleRunsInterrupted() {
        return runs.markStaleAsInterrupted();
    }

    /**
     * The header and first rows of a file, with the separator guessed, a preset recognised and the number style
     * detected from the values of the first {@value #DETECTION_ROWS} rows; each value cut to {@value #PREVIEW_VALUE}
     * characters.
     *
     * @throws CsvLimits.Refused when the file is not text, or its first records are beyond the {@link CsvLimits}
     */
    public static FilePreview preview(Path file) throws CsvLimits.Refused {
        try {
            CsvLimits.requireText(file);
            CsvPreview start = CsvPreview.read(Files.newInputStream(file), PREVIEW_ROWS, DETECTION_ROWS);
            List<String> header = shown(start.header());
            Optional<ColumnMapping> preset = ColumnMapping.detect(header)
                    .filter(m -> m.delimiter() == start.delimiter());
            return new FilePreview(start.delimiter(), header,
                    start.rows().stream().map(PurchaseImports::shown).toList(), preset, start.numbers());
        } catch (CsvLimits.Refused e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shown(List<String> fields) {
        return fields.stream().map(f -> f.length() > PREVIEW_VALUE ? f.substring(0, PREVIEW_VALUE) + "…" : f).toList();
    }

    private StoreSummary store(long storeId) {
        return organization.store(storeId).orElseThrow(() -> new IllegalArgumentException("No store " + storeId));
    }

    private long record(Request request) {
        return runs.create(request.storeId(), request.fileName(),
                request.file().toAbsolutePath().toString(), size(request.file()), request.mapping(),
                request.allOrNothing(), request.startedBy());
    }

    private Optional<ImportRuns.Plan> planOf(long importId) {
        return runs.plan(importId);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
