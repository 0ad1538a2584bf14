package org.ruleone.purchases.internal;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.ImportSummary;
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
 * Runs the import of a CSV file of purchase lines into one store, in a single pass and a single transaction: its
 * bookkeeping (the run's heartbeat, its figures, its end) and the order of the steps, which {@link PurchaseLines}
 * (reading and the lines' {@code COPY}) and {@link PurchaseWriter} (the purchases) carry out.
 * <ol>
 * <li>The file is streamed once; every good row is encoded for a binary {@code COPY} and sent straight into
 * {@code purchase_line} while the next rows are still being parsed, so the parser and the database work at the same
 * time. A new invoice gets a purchase id reserved from the sequence (in blocks, over a second connection), so lines
 * can go in before their purchase row.</li>
 * <li>The customers are found or created in batches as they are met, on another connection, while the lines load;
 * then the purchases (one row per invoice, with totals)
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
    /** First key of the advisory lock that serialises writes into one store (the second key is the store id). */
    private static final int STORE_LOCK = 0x5055;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClientBook clientBook;
    private final ImportRuns runs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PurchaseWriter writer;
    /** Work beside the parsing thread: the file digest, the customers, the check for invoices already present. */
    private final ExecutorService sideWork = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public CsvImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, ClientBook clientBook,
                       ImportRuns runs, Clock clock, ApplicationEventPublisher events, PurchaseWriter writer) {
        this.events = events;
        this.writer = writer;
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
        ImportProgress progress = new ImportProgress(fileSize(file));
        var beat = heartbeats.scheduleWithFixedDelay(() -> beat(importId, progress), 0, 2, TimeUnit.SECONDS);
        // While the file is parsed, and while the database works through the lines, other threads find or create
        // the customers, in batches as they are met (each in a transaction of its own: a customer is harmless even
        // if the import then fails, and a second run finds them); once it is parsed, they read the file's digest.
        // A run that may still be thrown away whole (all or nothing) writes its customers only once every row is
        // read and good.
        CompletableFuture<ImportScan> parsed = new CompletableFuture<>();
        CompletableFuture<String> digest = parsed.thenApplyAsync(scan -> sha256(file), sideWork);
        CustomerUpserts upserts = new CustomerUpserts(storeId);
        CompletableFuture<ClientBook.ImportedClients> customerIds = parsed.thenComposeAsync(scan -> scan == null
                ? CompletableFuture.completedFuture(new ClientBook.ImportedClients(Map.of(), 0))
                : upserts.last(scan.takeNewCustomers()), sideWork);
        // Read on another connection too: the store's lock, held by the import, keeps the answer true.
        CompletableFuture<Boolean> fresh = parsed.thenApplyAsync(scan -> scan != null
                && writer.noneInStore(storeId, scan.invoices.keySet()), sideWork);
        try {
            ImportSummary summary = transactions.execute(tx -> load(importId, storeId, zone, file, mapping,
                    allOrNothing, progress, started, parsed, allOrNothing ? null : upserts::add, customerIds, fresh));
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

    private void beat(long importId, ImportProgress progress) {
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
                               boolean allOrNothing, ImportProgress progress, long started,
                               CompletableFuture<ImportScan> parsed, Consumer<List<ImportedCustomer>> newCustomers,
                               CompletableFuture<ClientBook.ImportedClients> customers,
                               CompletableFuture<Boolean> fresh) {
        ImportRuns.holdWhileRunning(jdbc, importId);
        lockStore(jdbc, storeId);
        jdbc.sql("select set_config('TimeZone', :zone, true)").param("zone", zone.getId()).query(String.class).single();
        boolean triggersOff = writer.switchOffRowTriggers();
        try {
            CopyManager copyApi = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
            ImportScan scan;
            try (PurchaseIds ids = new PurchaseIds(dataSource)) {
                scan = PurchaseLines.stream(copyApi, file, mapping, allOrNothing, importId, ids, progress, parsed,
                        newCustomers);
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
            long[] added = writer.load(copyApi, storeId, importId, scan, clients.ids(), fresh.join());
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
                PurchasesRecorded recorded = RecordedPurchases.ofImport(jdbc, storeId, importId, clock.instant());
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
     * The customers of one run, found or created one batch after the other on a side thread, each batch in a
     * transaction of its own, while the file is still being read.
     */
    private final class CustomerUpserts {
        private final long storeId;
        private final Map<String, Long> ids = new HashMap<>();
        private int created;
        private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);

        CustomerUpserts(long storeId) {
            this.storeId = storeId;
        }

        synchronized void add(List<ImportedCustomer> batch) {
            if (!batch.isEmpty()) {
                // Each step runs after the one before, so ids and created need no other guard.
                chain = chain.thenRunAsync(() -> {
                    ClientBook.ImportedClients clients = clientBook.ensureImportedCounting(storeId, batch);
                    ids.putAll(clients.ids());
                    created += clients.created();
                }, sideWork);
            }
        }

        /** The last batch; completes with every customer of the run once all batches are written. */
        synchronized CompletableFuture<ClientBook.ImportedClients> last(List<ImportedCustomer> batch) {
            add(batch);
            return chain.thenApply(done -> new ClientBook.ImportedClients(ids, created));
        }
    }

    /**
     * Thrown in an all-or-nothing run with bad rows, or a run whose every row is bad, so that its transaction rolls
     * back and the run is FAILED.
     */
    private static final class RejectedRows extends RuntimeException {
        final transient ImportScan scan;
        final String problem;

        RejectedRows(ImportScan scan, String problem) {
            super(null, null, false, false);
            this.scan = scan;
            this.problem = problem;
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
}
