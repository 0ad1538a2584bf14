package org.ruleone.purchases.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.postgresql.copy.CopyManager;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
import org.ruleone.platform.CsvReader;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.platform.RejectedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a CSV file of purchase lines into one store in a single pass and a single transaction.
 * <ol>
 * <li>The file is streamed once; every good row is encoded for a binary {@code COPY} and sent straight into
 * {@code purchase_line} while the next rows are still being parsed, so the parser and the database work at the same
 * time. A new invoice gets a purchase id reserved from the sequence (in blocks, over a second connection), so lines
 * can go in before their purchase row.</li>
 * <li>Then the customers are found or created in one statement (in parallel with the end of the lines' load),
 * and the purchases (one row per invoice, with totals)
 * are loaded with {@code COPY} and one {@code INSERT … ON CONFLICT DO NOTHING}. An invoice the store already had
 * keeps its purchase: the lines just loaded for it move there, skipping the ones it already holds.</li>
 * <li>The run is marked COMPLETED in that same transaction.</li>
 * </ol>
 * So a run killed half-way leaves nothing behind and is never COMPLETED; a heartbeat written from another
 * connection lets any node tell a live run from a dead one.
 */
@Component
public class CsvImporter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);
    private static final int KEPT_REJECTIONS = 1000;
    private static final int ID_BLOCK = 8192;
    /** First key of the advisory lock that serialises writes into one store (the second key is the store id). */
    private static final int STORE_LOCK = 0x5055;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClientBook clientBook;
    private final ImportRuns runs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Work beside the parsing thread: the file digest, the customers, the check for invoices already present. */
    private final ExecutorService sideWork = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public CsvImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, ClientBook clientBook,
                       ImportRuns runs, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clientBook = clientBook;
        this.runs = runs;
        this.clock = clock;
    }

    /** Takes the lock that keeps other writers of this store's purchases out until the transaction ends. */
    public static void lockStore(JdbcClient jdbc, long storeId) {
        jdbc.sql("select pg_advisory_xact_lock(" + STORE_LOCK + ", cast(:store as int))")
                .param("store", storeId).query(Object.class).list();
    }

    /** Runs the import already recorded as RUNNING under {@code importId}, to its end. Never throws. */
    public ImportSummary run(long importId, long storeId, ZoneId zone, Path file, ColumnMapping mapping,
                             boolean allOrNothing) {
        long started = clock.millis();
        Progress progress = new Progress(fileSize(file));
        var beat = heartbeats.scheduleWithFixedDelay(() -> beat(importId, progress), 0, 2, TimeUnit.SECONDS);
        // Once the file is parsed, and while the database still works through the lines, other threads read the
        // file's digest and find or create the customers (in a transaction of their own: a customer is harmless
        // even if the import then fails, and a second run finds them).
        CompletableFuture<Scan> parsed = new CompletableFuture<>();
        CompletableFuture<String> digest = parsed.thenApplyAsync(scan -> sha256(file), sideWork);
        CompletableFuture<ClientBook.ImportedClients> customerIds = parsed.thenApplyAsync(scan -> scan == null
                ? new ClientBook.ImportedClients(Map.of(), 0)
                : clientBook.ensureImportedCounting(storeId, scan.customers()), sideWork);
        // Read on another connection too: the store's lock, held by the import, keeps the answer true.
        CompletableFuture<Boolean> fresh = parsed.thenApplyAsync(scan -> scan != null
                && noneInStore(storeId, scan.invoices.keySet()), sideWork);
        try {
            ImportSummary summary = transactions.execute(tx -> load(importId, storeId, zone, file, mapping,
                    allOrNothing, progress, started, parsed, customerIds, fresh));
            progress.lap("commit");
            log.info("Import {} {}: {} rows read, {} imported, {} skipped, {} rejected in {} ms ({})", importId,
                    summary.status(), summary.rowsRead(), summary.rowsImported(), summary.rowsSkipped(),
                    summary.rowsRejected(), summary.millis(), progress.laps);
            return summary;
        } catch (RejectedRows e) {
            parsed.complete(null);
            ImportSummary failed = e.scan.summary(importId, ImportStatus.FAILED, 0, 0, 0, clock.millis() - started,
                    e.problem);
            transactions.executeWithoutResult(tx -> finish(failed, e.scan.rejected));
            log.info("Import {} FAILED: {} rejected rows, nothing imported ({})", importId, failed.rowsRejected(),
                    e.problem);
            return failed;
        } catch (RuntimeException e) {
            log.warn("Import {} failed", importId, e);
            ImportSummary failed = new ImportSummary(importId, ImportStatus.FAILED, progress.rows.get(), 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, BigDecimal.ZERO, clock.millis() - started, problem(e));
            try {
                runs.finish(failed);
            } catch (RuntimeException again) {
                log.warn("Could not record the failure of import {}", importId, again);
            }
            return failed;
        } finally {
            parsed.complete(null);
            beat.cancel(false);
            // The digest only describes the file: it is written when ready, off the import's critical path.
            digest.thenAccept(sha -> runs.recordDigest(importId, sha)).exceptionally(e -> {
                log.warn("Digest of import {} not recorded", importId, e);
                return null;
            });
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

    private ImportSummary load(long importId, long storeId, ZoneId zone, Path file, ColumnMapping mapping,
                               boolean allOrNothing, Progress progress, long started,
                               CompletableFuture<Scan> parsed, CompletableFuture<ClientBook.ImportedClients> customers,
                               CompletableFuture<Boolean> fresh) {
        ImportRuns.holdWhileRunning(jdbc, importId);
        lockStore(jdbc, storeId);
        jdbc.sql("select set_config('TimeZone', :zone, true)").param("zone", zone.getId()).query(String.class).single();
        boolean triggersOff = switchOffRowTriggers();
        try {
            CopyManager copyApi = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
            Scan scan;
            try (IdBlocks ids = new IdBlocks(dataSource)) {
                scan = streamLines(copyApi, file, mapping, allOrNothing, importId, ids, progress, parsed);
            }
            progress.lap("lines");
            if (scan.aborted) {
                throw new RejectedRows(scan, ImportSummary.REJECTED_ROWS);
            }
            if (scan.good == 0 && scan.rejectedCount > 0) {
                // Every row rejected is a wrong file or a wrong mapping, not a run that went well.
                throw new RejectedRows(scan, ImportSummary.ALL_ROWS_REJECTED);
            }
            ClientBook.ImportedClients clients = customers.join();
            progress.lap("customers");
            long[] added = loadPurchases(copyApi, storeId, importId, scan, clients.ids(), fresh.join());
            long imported = added[0];
            progress.lap("purchases");
            if (triggersOff) {
                jdbc.sql("set local session_replication_role = origin").update();
            }
            ImportSummary summary = scan.summary(importId, ImportStatus.COMPLETED, imported, added[1],
                    clients.created(), clock.millis() - started, null);
            finish(summary, scan.rejected);
            if (imported > 0 && !scan.customers.isEmpty()) {
                // One event for the whole run, published in its transaction: listeners work set-based.
                PurchasesRecorded recorded = RecordedPurchases.ofImport(jdbc, storeId, importId);
                if (!recorded.clients().isEmpty()) {
                    events.publishEvent(recorded);
                }
                progress.lap("event");
            }
            return summary;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading the purchases failed: " + e.getMessage(), e);
        }
    }

    /**
     * Foreign-key triggers check each line's purchase one row at a time, which would cost more than the load
     * itself. This transaction writes every purchase its lines point to before it commits (and holds the store's
     * lock), so when the database lets us (a superuser, or a role granted {@code SET} on
     * {@code session_replication_role} as the embedded database's application role is, PostgreSQL 15 and later) the
     * row-by-row triggers are switched off for this transaction only. Otherwise the check is deferred to the commit.
     */
    private boolean switchOffRowTriggers() {
        if (jdbc.sql("select current_setting('is_superuser') = 'on'").query(Boolean.class).single()
                || mayBeGrantedSettings() && jdbc.sql("select has_parameter_privilege('session_replication_role', 'SET')")
                        .query(Boolean.class).single()) {
            jdbc.sql("set local session_replication_role = replica").update();
            return true;
        }
        jdbc.sql("set constraints all deferred").update();
        return false;
    }

    /** {@code GRANT SET ON PARAMETER} (and the function asking for it) came with PostgreSQL 15. */
    private boolean mayBeGrantedSettings() {
        return jdbc.sql("select current_setting('server_version_num')::int >= 150000").query(Boolean.class).single();
    }

    // ---- the lines, streamed while parsing

    private Scan streamLines(CopyManager copyApi, Path file, ColumnMapping mapping, boolean allOrNothing,
                             long importId, IdBlocks ids, Progress progress, CompletableFuture<Scan> parsed)
            throws IOException, SQLException {
        Scan scan = new Scan();
        CopyIn copyIn = copyApi.copyIn("copy purchase_line (purchase_id, line_in_invoice, sku, description, "
                + "quantity, unit_price, import_id) from stdin with (format binary)");
        BinaryCopyRows out = new BinaryCopyRows(copyIn);
        try (CsvReader csv = new CsvReader(new Counting(Files.newInputStream(file), progress.bytes),
                mapping.delimiter())) {
            RowParser parser = csv.next() ? parser(mapping, csv.fields()) : null;
            while (parser != null && csv.next()) {
                scan.rows++;
                progress.rows.lazySet((int) scan.rows);
                RowParser.Outcome outcome = parser.parse(csv);
                RowParser.Row row = outcome.row();
                if (row == null) {
                    scan.reject(new RejectedRow(csv.line(), outcome.reason(), outcome.detail(), csv.raw()));
                    if (allOrNothing && !scan.aborted) {
                        scan.aborted = true;
                        copyIn.cancelCopy();
                    }
                    continue;
                }
                Invoice invoice = scan.add(row, ids);
                if (!scan.aborted) {
                    out.row(7).int8(invoice.id).int4(row.lineInInvoice())
                            .text(row.bytes(), row.skuStart(), row.skuLength())
                            .text(row.bytes(), row.descriptionStart(), row.descriptionLength())
                            .int4(row.quantity()).decimal4(row.unitPrice()).int8(importId);
                    out.endRow();
                }
            }
            parsed.complete(scan.aborted ? null : scan);
            if (!scan.aborted) {
                scan.copied = out.finish();
            }
            return scan;
        } catch (IOException | SQLException | RuntimeException e) {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
            throw e;
        }
    }

    private static RowParser parser(ColumnMapping mapping, List<String> header) {
        if (mapping.highestColumn() >= header.size() || mapping.invoice() < 0 || mapping.date() < 0
                || mapping.unitPrice() < 0) {
            throw new IllegalArgumentException("The column mapping does not fit the file's header " + header);
        }
        return new RowParser(mapping, header);
    }

    // ---- the purchases, once the customers are known

    /** Loads one purchase per invoice; returns the number of lines, and of purchases, that are new to the store. */
    private long[] loadPurchases(CopyManager copyApi, long storeId, long importId, Scan scan,
                               Map<String, Long> customerIds, boolean fresh) throws SQLException {
        if (fresh) {
            // None of the invoices is in the store, and its lock keeps it so: nothing can conflict.
            copyPurchases(copyApi.copyIn("copy purchase (id, invoice_no, customer_id, purchased_at, country, total, "
                    + "items, line_count, is_return, store_id, import_id) from stdin"), scan, customerIds,
                    new long[] {storeId, importId});
            return new long[] {scan.copied, scan.invoices.size()};
        }
        jdbc.sql("""
                create temporary table purchase_incoming (
                    id bigint, invoice_no text, customer_id bigint, purchased_at timestamptz, country text,
                    total numeric(18,4), items integer, line_count integer, is_return boolean) on commit drop
                """).update();
        copyPurchases(copyApi.copyIn("copy purchase_incoming from stdin"), scan, customerIds, null);
        int added = jdbc.sql("""
                insert into purchase (id, store_id, invoice_no, customer_id, purchased_at, country, total, items,
                                      line_count, is_return, import_id)
                select id, :store, invoice_no, customer_id, purchased_at, country, total, items, line_count,
                       is_return, :import
                  from purchase_incoming
                on conflict (store_id, invoice_no) do nothing
                """)
                .param("store", storeId).param("import", importId).update();
        if (added == scan.invoices.size()) {
            return new long[] {scan.copied, added};
        }
        return new long[] {mergeIntoExistingPurchases(storeId, scan.copied), added};
    }

    private static void copyPurchases(CopyIn copyIn, Scan scan, Map<String, Long> customerIds, long[] suffix)
            throws SQLException {
        CopyRows out = new CopyRows(copyIn);
        for (Map.Entry<String, Invoice> e : scan.invoices.entrySet()) {
            Invoice i = e.getValue();
            Long customer = i.customer == null ? null : customerIds.get(i.customer);
            out.number(i.id).tab().text(e.getKey()).tab();
            (customer == null ? out.nullValue() : out.number(customer)).tab();
            out.text(i.purchasedAt).tab().text(i.country).tab().decimal(i.total, RowParser.PRICE_SCALE).tab()
                    .number(i.items).tab().number(i.lines).tab().text(i.isReturn ? "t" : "f");
            if (suffix != null) {
                for (long value : suffix) {
                    out.tab().number(value);
                }
            }
            out.endRow();
        }
        out.finish();
    }

    private boolean noneInStore(long storeId, Set<String> invoices) {
        return !jdbc.sql("""
                select exists (select 1 from purchase where store_id = :store and invoice_no = any(cast(:invoices as text[])))
                """)
                .param("store", storeId).param("invoices", invoices.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /**
     * Some invoices were already in the store (the same file again, or a file overlapping an earlier one): their
     * new lines move to the existing purchase, where the ones it already has are skipped; its totals are recounted.
     */
    private long mergeIntoExistingPurchases(long storeId, long copied) {
        jdbc.sql("""
                create temporary table purchase_moved on commit drop as
                select i.id as new_id, p.id as old_id
                  from purchase_incoming i join purchase p on p.store_id = :store and p.invoice_no = i.invoice_no
                 where p.id <> i.id
                """).param("store", storeId).update();
        int kept = jdbc.sql("""
                insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price,
                                           import_id)
                select m.old_id, l.line_in_invoice, l.sku, l.description, l.quantity, l.unit_price, l.import_id
                  from purchase_line l join purchase_moved m on l.purchase_id = m.new_id
                on conflict do nothing
                """).update();
        int moved = jdbc.sql("delete from purchase_line l using purchase_moved m where l.purchase_id = m.new_id")
                .update();
        if (kept > 0) {
            jdbc.sql("""
                    update purchase p set total = s.total, items = s.items, line_count = s.lines,
                           is_return = p.is_return or s.negative
                                       or exists (select 1 from purchase_incoming i
                                                   where i.invoice_no = p.invoice_no and i.is_return)
                      from (select purchase_id, sum(quantity * unit_price) as total, sum(quantity) as items,
                                   count(*) as lines, bool_or(quantity < 0) as negative
                              from purchase_line
                             where purchase_id in (select old_id from purchase_moved)
                             group by purchase_id) s
                     where p.id = s.purchase_id
                    """).update();
        }
        return copied - moved + kept;
    }

    // ---- bookkeeping

    /** One invoice of the file, summed up as its rows go by. */
    private static final class Invoice {
        final long id;
        String customer;
        String purchasedAt;
        String country;
        long total;
        long items;
        int lines;
        boolean isReturn;

        Invoice(long id) {
            this.id = id;
        }
    }

    /** What the pass learnt. */
    private static final class Scan {
        long rows;
        long good;
        long copied;
        long cancellations;
        long returns;
        long walkIns;
        long amount;
        boolean aborted;
        final Map<String, Invoice> invoices = new LinkedHashMap<>();
        /** Rows of one invoice usually follow each other: the last one found saves a lookup. */
        private String lastKey;
        private Invoice last;
        private String lastCustomer;
        final Map<String, String> customers = new HashMap<>();
        final List<RejectedRow> rejected = new ArrayList<>();
        long rejectedCount;

        Invoice add(RowParser.Row row, IdBlocks ids) throws SQLException {
            good++;
            long lineAmount = row.quantity() * row.unitPrice();
            amount += lineAmount;
            Invoice invoice = row.invoice() == lastKey ? last : invoices.get(row.invoice());
            if (invoice == null) {
                invoice = new Invoice(ids.next());
                invoice.purchasedAt = row.purchasedAt();
                invoice.country = row.country();
                invoice.isReturn = row.markedReturn();
                invoices.put(row.invoice(), invoice);
            }
            lastKey = row.invoice();
            last = invoice;
            invoice.total += lineAmount;
            invoice.items += row.quantity();
            invoice.lines++;
            if (row.markedReturn()) {
                cancellations++;
            }
            if (row.quantity() < 0) {
                returns++;
                invoice.isReturn = true;
            }
            if (row.customer() == null) {
                walkIns++;
            } else {
                if (invoice.customer == null) {
                    invoice.customer = row.customer();
                }
                if (row.customer() != lastCustomer) {
                    customers.putIfAbsent(row.customer(), row.country());
                    lastCustomer = row.customer();
                }
            }
            return invoice;
        }

        List<ImportedCustomer> customers() {
            return customers.entrySet().stream().map(e -> new ImportedCustomer(e.getKey(), e.getValue())).toList();
        }

        void reject(RejectedRow row) {
            rejectedCount++;
            if (rejected.size() < KEPT_REJECTIONS) {
                rejected.add(row);
            }
        }

        ImportSummary summary(long id, ImportStatus status, long imported, long invoicesAdded, long customersCreated,
                              long millis, String problem) {
            return new ImportSummary(id, status, rows, imported, status == ImportStatus.COMPLETED ? good - imported : 0,
                    rejectedCount, invoices.size(), customers.size(), invoicesAdded, customersCreated, cancellations,
                    returns, walkIns,
                    BigDecimal.valueOf(amount, RowParser.PRICE_SCALE).setScale(2, RoundingMode.HALF_UP),
                    millis, problem);
        }
    }

    /**
     * Thrown in an all-or-nothing run with bad rows, or a run whose every row is bad, so that its transaction rolls
     * back and the run is FAILED.
     */
    private static final class RejectedRows extends RuntimeException {
        final transient Scan scan;
        final String problem;

        RejectedRows(Scan scan, String problem) {
            super(null, null, false, false);
            this.scan = scan;
            this.problem = problem;
        }
    }

    /**
     * Purchase ids taken from the sequence a block at a time over a connection of their own (the import's
     * connection is busy streaming). Ids a run does not use are simply never used.
     */
    private static final class IdBlocks implements AutoCloseable {
        private final DataSource dataSource;
        private Connection connection;
        private final long[] block = new long[ID_BLOCK];
        private int next = ID_BLOCK;

        IdBlocks(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        long next() throws SQLException {
            if (next == ID_BLOCK) {
                if (connection == null) {
                    connection = dataSource.getConnection();
                }
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "select nextval('purchase_id_seq') from generate_series(1, " + ID_BLOCK + ")")) {
                    for (int i = 0; rs.next(); i++) {
                        block[i] = rs.getLong(1);
                    }
                }
                next = 0;
            }
            return block[next++];
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
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

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        heartbeats.shutdownNow();
        sideWork.shutdown();
        sideWork.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** How far a run is, read by the heartbeat thread. */
    private static final class Progress {
        final long size;
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger rows = new AtomicInteger();
        final StringBuilder laps = new StringBuilder();
        private long lapStart = System.nanoTime();

        Progress(long size) {
            this.size = size;
        }

        int permille() {
            return size <= 0 ? 0 : (int) Math.min(950, Math.min(bytes.get(), size) * 950 / size);
        }

        /** Notes how long a phase took, for the log (elapsed time of the process, not business time). */
        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(laps.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - lapStart) / 1_000_000)
                    .append(" ms");
            lapStart = now;
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
                count.lazySet(count.get() + n);
            }
            return n;
        }
    }
}
