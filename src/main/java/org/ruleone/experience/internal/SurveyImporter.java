package org.ruleone.experience.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.experience.SurveyImportMapping;
import org.ruleone.experience.SurveyImportRun;
import org.ruleone.experience.SurveyImportStatus;
import org.ruleone.organization.Organization;
import org.ruleone.platform.CsvLimits;
import org.ruleone.platform.CsvReader;
import org.ruleone.platform.RejectedRow;
import org.ruleone.purchases.CustomerPurchases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs one import of past survey results: reads the file in batches, finds or adds the clients it names, ties answers
 * to the invoices the store has, and stores the answers with channel IMPORT. An imported answer is history: it
 * publishes no {@code SurveyAnswered} and opens no follow-up case (ADR 0096). Each batch is one statement, so a run
 * stopped half-way keeps what it stored, and the same file imported again adds only what is missing.
 */
@Component
public class SurveyImporter {

    private static final Logger log = LoggerFactory.getLogger(SurveyImporter.class);
    static final int BATCH = 500;
    /** Rejected rows kept for the screen (all are counted). */
    static final int KEPT_REJECTIONS = 10_000;
    private static final int RAW_SHOWN = 300;
    /** How many clients found by e-mail a run remembers, so a huge file does not hold all of them in memory. */
    static final int REMEMBERED_CLIENTS = 100_000;

    private final JdbcClient jdbc;
    private final ClientBook clientBook;
    private final CustomerPurchases purchases;
    private final Organization organization;
    private final SurveyImportRuns runs;
    private final java.time.Clock clock;

    SurveyImporter(JdbcClient jdbc, ClientBook clientBook, CustomerPurchases purchases, Organization organization,
                   SurveyImportRuns runs, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clientBook = clientBook;
        this.purchases = purchases;
        this.organization = organization;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * @param startedBy the associate importing (rows may name only stores they may act in), or {@code null} for the
     *                  shell
     */
    public record Plan(long importId, long storeId, Path file, SurveyImportMapping mapping, Long startedBy) {
    }

    public SurveyImportRun run(Plan plan) {
        SurveyImportRuns.Counts counts = new SurveyImportRuns.Counts(plan.importId());
        List<RejectedRow> rejected = new ArrayList<>();
        SurveyImportStatus status = SurveyImportStatus.COMPLETED;
        String problem = null;
        try {
            long size = Math.max(1, Files.size(plan.file()));
            AtomicLong bytes = new AtomicLong();
            InputStream raw = new Counting(Files.newInputStream(plan.file()), bytes);
            try (CsvReader csv = new CsvReader(plan.mapping().encoding().open(raw), plan.mapping().delimiter())) {
                List<String> header = csv.next() ? csv.fields() : List.of();
                AnswerRows rows = new AnswerRows(plan.mapping(), header, plan.storeId(), plan.startedBy(),
                        organization, clock);
                List<AnswerRows.Answer> batch = new ArrayList<>(BATCH);
                Map<String, Long> clientsByEmail = new HashMap<>();
                while (csv.next()) {
                    if (csv.size() == 1 && csv.string(0).isBlank()) {
                        continue;
                    }
                    counts.read++;
                    try {
                        batch.add(rows.read(csv.fields(), csv.line(), csv.malformed()));
                    } catch (AnswerRows.BadRow bad) {
                        reject(counts, rejected, new RejectedRow(csv.line(), bad.reason, bad.detail, shown(csv.raw())));
                    }
                    if (batch.size() == BATCH) {
                        store(batch, counts, rejected, clientsByEmail);
                        batch.clear();
                        runs.heartbeat(counts, (int) Math.min(990, bytes.get() * 1000 / size));
                    }
                }
                store(batch, counts, rejected, clientsByEmail);
            }
            if (counts.read > 0 && counts.rejected == counts.read) {
                status = SurveyImportStatus.FAILED;
                problem = SurveyImportRun.ALL_ROWS_REJECTED;
            }
        } catch (CsvLimits.Refused e) {
            status = SurveyImportStatus.FAILED;
            problem = e.getMessage();
        } catch (IOException | RuntimeException e) {
            log.warn("Survey import {} failed", plan.importId(), e);
            status = SurveyImportStatus.FAILED;
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        runs.recordRejections(plan.importId(), rejected);
        runs.finish(counts, status, problem);
        return runs.find(plan.importId()).orElseThrow();
    }

    private static void reject(SurveyImportRuns.Counts counts, List<RejectedRow> rejected, RejectedRow row) {
        counts.rejected++;
        if (rejected.size() < KEPT_REJECTIONS) {
            rejected.add(row);
        }
    }

    /**
     * Finds or adds the batch's clients, reads its invoices, and inserts its answers in one statement.
     *
     * @param clientsByEmail the clients this run found by e-mail so far, by store and address (a survey export
     *                       repeats its regular clients)
     */
    private void store(List<AnswerRows.Answer> batch, SurveyImportRuns.Counts counts, List<RejectedRow> rejected,
                       Map<String, Long> clientsByEmail) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, List<AnswerRows.Answer>> byStore = new HashMap<>();
        batch.forEach(a -> byStore.computeIfAbsent(a.storeId(), s -> new ArrayList<>()).add(a));
        List<AnswerRows.Answer> kept = new ArrayList<>(batch.size());
        List<Long> customers = new ArrayList<>(batch.size());
        for (var entry : byStore.entrySet()) {
            long storeId = entry.getKey();
            List<AnswerRows.Answer> answers = entry.getValue();
            Set<String> numbers = new LinkedHashSet<>();
            Set<String> invoices = new LinkedHashSet<>();
            for (AnswerRows.Answer a : answers) {
                if (a.client() != null && !a.clientIsEmail()) {
                    numbers.add(a.client());
                }
                if (a.invoice() != null) {
                    invoices.add(a.invoice());
                }
            }
            ClientBook.ImportedClients byNumber = clientBook.ensureImportedCounting(storeId,
                    numbers.stream().map(n -> new ImportedCustomer(n, "")).toList());
            counts.clientsCreated += byNumber.created();
            Map<String, CustomerPurchases.Invoice> known = purchases.invoices(storeId, invoices);
            for (AnswerRows.Answer a : answers) {
                Long customer = null;
                if (a.clientIsEmail()) {
                    String key = storeId + " " + a.client().toLowerCase(java.util.Locale.ROOT);
                    try {
                        customer = clientsByEmail.get(key);
                        if (customer == null) {
                            ClientBook.FoundClient found = clientBook.findOrAdd(storeId,
                                    ClientBook.Contact.email(a.client()), null, null, null);
                            customer = found.clientId();
                            counts.clientsCreated += found.created() ? 1 : 0;
                            if (clientsByEmail.size() < REMEMBERED_CLIENTS) {
                                clientsByEmail.put(key, customer);
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        reject(counts, rejected, new RejectedRow(a.line(), "BAD_CLIENT", a.client(), ""));
                        continue;
                    }
                } else if (a.client() != null) {
                    customer = byNumber.ids().get(a.client());
                }
                if (a.invoice() != null) {
                    CustomerPurchases.Invoice invoice = known.get(a.invoice());
                    if (invoice == null) {
                        counts.invoicesUnknown++;
                    } else {
                        counts.invoicesTied++;
                        customer = customer != null ? customer : invoice.customerId();
                    }
                }
                kept.add(a);
                customers.add(customer);
            }
        }
        int inserted = insert(kept, customers, counts.importId);
        counts.imported += inserted;
        counts.skipped += kept.size() - inserted;
    }

    private int insert(List<AnswerRows.Answer> answers, List<Long> customers, long importId) {
        if (answers.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into survey_answer (store_id, customer_id, associate_id, channel, come_back, satisfaction,
                                           comment, complete, started_at, answered_at, invoice, import_id,
                                           external_id)
                select s, c, a, :channel, b, f, m, true, t, t, i, :import, e
                  from unnest(cast(:stores as bigint[]), cast(:customers as bigint[]), cast(:associates as bigint[]),
                              cast(:comeBack as int[]), cast(:satisfaction as int[]),
                              cast(:comments as text[]), cast(:times as timestamptz[]), cast(:invoices as text[]),
                              cast(:externals as text[])) as r(s, c, a, b, f, m, t, i, e)
                on conflict (store_id, external_id) do nothing
                """)
                .param("channel", SurveyChannel.IMPORT.name()).param("import", importId)
                .param("stores", answers.stream().map(AnswerRows.Answer::storeId).toArray(Long[]::new))
                .param("customers", customers.toArray(Long[]::new))
                .param("associates", answers.stream().map(AnswerRows.Answer::associateId).toArray(Long[]::new))
                .param("comeBack", answers.stream().map(AnswerRows.Answer::comeBack).toArray(Integer[]::new))
                .param("satisfaction", answers.stream().map(AnswerRows.Answer::satisfaction).toArray(Integer[]::new))
                .param("comments", answers.stream().map(AnswerRows.Answer::comment).toArray(String[]::new))
                .param("times", answers.stream().map(a -> a.answeredAt().toString()).toArray(String[]::new))
                .param("invoices", answers.stream().map(AnswerRows.Answer::invoice).toArray(String[]::new))
                .param("externals", answers.stream().map(AnswerRows.Answer::externalId).toArray(String[]::new))
                .update();
    }

    private static String shown(String raw) {
        return raw.length() > RAW_SHOWN ? raw.substring(0, RAW_SHOWN) + "…" : raw;
    }

    /** The file, counting the bytes read for the progress bar. */
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
