package org.ruleone.purchases.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.purchases.RejectedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a CSV file of purchase lines into one store, as fast as PostgreSQL allows.
 * <ol>
 * <li>Pass 1 streams the file once: it checks every row and collects the customers and invoices.</li>
 * <li>In one transaction: the customers are found or created in one statement; the good rows are streamed again,
 * encoded for {@code COPY} and loaded straight into {@code purchase_line} when none of the file's invoices is in the
 * store yet (the unique index makes that provable), else through a temporary table and one
 * {@code INSERT … ON CONFLICT DO NOTHING}; the run is marked COMPLETED in that same transaction.</li>
 * </ol>
 * So a run killed half-way leaves no lines behind and is never COMPLETED; a heartbeat written from another
 * connection lets any node tell a live run from a dead one.
 */
@Component
public class CsvImporter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);
    private static final int KEPT_REJECTIONS = 1000;
    /** First key of the advisory lock that serialises loads into one store (the second key is the store id). */
    private static final int STORE_LOAD_LOCK = 0x5055;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClientBook clientBook;
    private final ImportRuns runs;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public CsvImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, ClientBook clientBook,
                       ImportRuns runs, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clientBook = clientBook;
        this.runs = runs;
        this.clock = clock;
    }

    /** The advisory lock a writer of single purchases takes (shared) so it never races a load (exclusive). */
    public static String sharedStoreLock() {
        return "select pg_advisory_xact_lock_shared(" + STORE_LOAD_LOCK + ", cast(:store as int))";
    }

    /** Runs the import already recorded as RUNNING under {@code importId}, to its end. Never throws. */
    public ImportSummary run(long importId, long storeId, ZoneId zone, Path file, ColumnMapping mapping,
                             boolean allOrNothing) {
        long started = clock.millis();
        Progress progress = new Progress(fileSize(file));
        var beat = heartbeats.scheduleWithFixedDelay(() -> beat(importId, progress), 0, 2, TimeUnit.SECONDS);
        try {
            Scan scan = scan(file, mapping, progress);
            progress.pass.set(2);
            ImportSummary summary;
            if (allOrNothing && !scan.rejected.isEmpty()) {
                summary = scan.summary(importId, ImportStatus.FAILED, 0, clock.millis() - started, "rejected rows");
                transactions.executeWithoutResult(tx -> finish(summary, scan.rejected));
            } else {
                summary = transactions.execute(tx -> load(importId, storeId, zone, file, mapping, scan, progress,
                        started));
            }
            log.info("Import {} {}: {} rows read, {} imported, {} skipped, {} rejected in {} ms", importId,
                    summary.status(), summary.rowsRead(), summary.rowsImported(), summary.rowsSkipped(),
                    summary.rowsRejected(), summary.millis());
            return summary;
        } catch (RuntimeException | IOException e) {
            log.warn("Import {} failed", importId, e);
            ImportSummary failed = new ImportSummary(importId, ImportStatus.FAILED, progress.rows.get(), 0, 0, 0, 0,
                    0, 0, 0, 0, BigDecimal.ZERO, clock.millis() - started, problem(e));
            try {
                runs.finish(failed);
            } catch (RuntimeException again) {
                log.warn("Could not record the failure of import {}", importId, again);
            }
            return failed;
        } finally {
            beat.cancel(false);
        }
    }

    private void beat(long importId, Progress progress) {
        try {
            runs.heartbeat(importId, progress.rows.get(), progress.permille());
        } catch (RuntimeException e) {
            log.warn("Heartbeat of import {} not written", importId, e);
        }
    }

    private void finish(ImportSummary summary, List<RejectedRow> rejected) {
        runs.recordRejections(summary.importId(), rejected);
        if (!runs.finish(summary)) {
            throw new IllegalStateException("Import " + summary.importId() + " is no longer running");
        }
    }

    // ---- pass 1: read and check everything, keep only what the load needs

    private Scan scan(Path file, ColumnMapping mapping, Progress progress) throws IOException {
        Scan scan = new Scan();
        try (CsvReader csv = new CsvReader(new Counting(Files.newInputStream(file), progress.bytes), mapping.delimiter())) {
            if (!csv.next()) {
                return scan;
            }
            RowParser parser = parser(mapping, csv.fields());
            while (csv.next()) {
                scan.rows++;
                progress.rows.set((int) scan.rows);
                RowParser.Outcome outcome = parser.parse(csv.fields(), csv.malformed());
                if (outcome.row() == null) {
                    scan.reject(new RejectedRow(csv.line(), outcome.reason(), outcome.detail(), csv.raw()));
                } else {
                    scan.add(outcome.row());
                }
            }
        }
        return scan;
    }

    private static RowParser parser(ColumnMapping mapping, List<String> header) {
        if (mapping.highestColumn() >= header.size() || mapping.invoice() < 0 || mapping.date() < 0
                || mapping.quantity() < 0 || mapping.unitPrice() < 0) {
            throw new IllegalArgumentException("The column mapping does not fit the file's header " + header);
        }
        return new RowParser(mapping, header);
    }

    /** What pass 1 learnt. */
    private static final class Scan {
        long rows;
        long good;
        long cancellations;
        long returns;
        long walkIns;
        long amount;
        final Map<String, String> customers = new HashMap<>();
        final Set<String> invoices = new HashSet<>();
        final List<RejectedRow> rejected = new ArrayList<>();
        long rejectedCount;

        void add(RowParser.Row row) {
            good++;
            amount += row.quantity() * row.unitPrice();
            invoices.add(row.invoice());
            if (row.cancellation()) {
                cancellations++;
            }
            if (row.quantity() < 0) {
                returns++;
            }
            if (row.customer() == null) {
                walkIns++;
            } else {
                customers.putIfAbsent(row.customer(), row.country());
            }
        }

        void reject(RejectedRow row) {
            rejectedCount++;
            if (rejected.size() < KEPT_REJECTIONS) {
                rejected.add(row);
            }
        }

        ImportSummary summary(long id, ImportStatus status, long imported, long millis, String problem) {
            return new ImportSummary(id, status, rows, imported, status == ImportStatus.COMPLETED ? good - imported : 0,
                    rejectedCount, invoices.size(), customers.size(), cancellations, returns, walkIns,
                    BigDecimal.valueOf(amount, RowParser.PRICE_SCALE).setScale(2, java.math.RoundingMode.HALF_UP),
                    millis, problem);
        }
    }

    // ---- pass 2: one transaction

    private ImportSummary load(long importId, long storeId, ZoneId zone, Path file, ColumnMapping mapping, Scan scan,
                               Progress progress, long started) {
        jdbc.sql("select pg_advisory_xact_lock(" + STORE_LOAD_LOCK + ", cast(:store as int))")
                .param("store", storeId).query(Object.class).list();
        jdbc.sql("select set_config('TimeZone', :zone, true)").param("zone", zone.getId()).query(String.class).single();
        List<ImportedCustomer> customers = scan.customers.entrySet().stream()
                .map(e -> new ImportedCustomer(e.getKey(), e.getValue())).toList();
        Map<String, Long> customerIds = clientBook.ensureImported(storeId, customers);
        boolean fresh = !jdbc.sql("""
                select exists (select 1 from purchase_line where store_id = :store
                                  and invoice_no = any(cast(:invoices as text[])))
                """)
                .param("store", storeId).param("invoices", scan.invoices.toArray(String[]::new))
                .query(Boolean.class).single();
        long imported;
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            String columns = "store_id, customer_id, invoice_no, line_in_invoice, purchased_at, sku, description, "
                    + "quantity, unit_price, country, import_id";
            if (fresh) {
                imported = copy(copyApi.copyIn("copy purchase_line (" + columns + ") from stdin"), file, mapping,
                        storeId, importId, customerIds, progress);
            } else {
                jdbc.sql("""
                        create temporary table purchase_line_incoming (
                            store_id bigint, customer_id bigint, invoice_no text, line_in_invoice integer,
                            purchased_at timestamptz, sku text, description text, quantity integer,
                            unit_price numeric(14,4), country text, import_id bigint) on commit drop
                        """).update();
                copy(copyApi.copyIn("copy purchase_line_incoming from stdin"), file, mapping, storeId, importId,
                        customerIds, progress);
                imported = jdbc.sql("insert into purchase_line (" + columns + ") select " + columns
                        + " from purchase_line_incoming on conflict do nothing").update();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading the purchase lines failed: " + e.getMessage(), e);
        }
        ImportSummary summary = scan.summary(importId, ImportStatus.COMPLETED, imported, clock.millis() - started,
                null);
        finish(summary, scan.rejected);
        return summary;
    }

    private static long copy(CopyIn copyIn, Path file, ColumnMapping mapping, long storeId, long importId,
                             Map<String, Long> customerIds, Progress progress) throws IOException, SQLException {
        progress.bytes.set(0);
        CopyRows out = new CopyRows(copyIn);
        try (CsvReader csv = new CsvReader(new Counting(Files.newInputStream(file), progress.bytes), mapping.delimiter())) {
            if (!csv.next()) {
                return out.finish();
            }
            RowParser parser = new RowParser(mapping, csv.fields());
            String store = Long.toString(storeId);
            String importText = Long.toString(importId);
            while (csv.next()) {
                RowParser.Row row = parser.parse(csv.fields(), csv.malformed()).row();
                if (row == null) {
                    continue;
                }
                out.text(store).tab();
                Long customer = row.customer() == null ? null : customerIds.get(row.customer());
                (customer == null ? out.nullValue() : out.number(customer)).tab();
                out.text(row.invoice()).tab().number(row.lineInInvoice()).tab().text(row.purchasedAt()).tab()
                        .text(row.sku()).tab().text(row.description()).tab().number(row.quantity()).tab()
                        .decimal(row.unitPrice(), RowParser.PRICE_SCALE).tab().text(row.country()).tab()
                        .text(importText);
                out.endRow();
            }
            return out.finish();
        } catch (IOException | SQLException | RuntimeException e) {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
            throw e;
        }
    }

    private static String problem(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    /** How far a run is, read by the heartbeat thread. */
    private static final class Progress {
        final long size;
        final AtomicInteger pass = new AtomicInteger(1);
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger rows = new AtomicInteger();

        Progress(long size) {
            this.size = size;
        }

        int permille() {
            if (size <= 0) {
                return 0;
            }
            long done = Math.min(bytes.get(), size) + (pass.get() == 2 ? size : 0);
            return (int) Math.min(999, done * 1000 / (2 * size));
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
