package org.ruleone.purchases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ImportedCustomer;
import org.ruleone.purchases.internal.CsvImporter;
import org.ruleone.purchases.internal.RecordedPurchases;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Purchases recorded one at a time, as a till or web shop sends them. */
@Service
public class TillPurchases {

    private final JdbcClient jdbc;
    private final ClientBook clientBook;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TillPurchases(JdbcClient jdbc, ClientBook clientBook, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.clientBook = clientBook;
        this.events = events;
    }

    /** What was stored. */
    public record Recorded(long purchaseId, long storeId, String invoice, Long customerId, int lines, BigDecimal total) {
    }

    /** Records the purchase; empty when the store already has this invoice. */
    @Transactional
    public Optional<Recorded> record(TillPurchase purchase) {
        CsvImporter.lockStore(jdbc, purchase.storeId());
        Long customerId = null;
        if (purchase.customerNumber() != null) {
            customerId = clientBook.ensureImported(purchase.storeId(),
                    List.of(new ImportedCustomer(purchase.customerNumber(), purchase.country())))
                    .get(purchase.customerNumber());
        }
        List<TillPurchase.Line> lines = purchase.lines();
        Optional<Long> id = jdbc.sql("""
                insert into purchase (store_id, invoice_no, customer_id, purchased_at, country, total, items,
                                      line_count, is_return)
                values (:store, :invoice, :customer, :at, :country, :total, :items, :count, :isReturn)
                on conflict (store_id, invoice_no) do nothing
                returning id
                """)
                .param("store", purchase.storeId()).param("invoice", purchase.invoice()).param("customer", customerId)
                .param("at", Timestamp.from(purchase.purchasedAt()))
                .param("country", purchase.country() == null ? "" : purchase.country())
                .param("total", purchase.total())
                .param("items", lines.stream().mapToInt(TillPurchase.Line::quantity).sum())
                .param("count", lines.size())
                // A till says a return with a negative quantity; an invoice starting with "C" is an Online Retail rule only.
                .param("isReturn", lines.stream().anyMatch(l -> l.quantity() < 0))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price)
                select :purchase, n, s, d, q, p
                  from unnest(cast(:skus as text[]), cast(:descriptions as text[]), cast(:quantities as int[]),
                              cast(:prices as numeric[])) with ordinality as t(s, d, q, p, n)
                """)
                .param("purchase", id.get())
                .param("skus", lines.stream().map(l -> l.sku() == null ? "" : l.sku()).toArray(String[]::new))
                .param("descriptions", lines.stream().map(l -> l.description() == null ? "" : l.description())
                        .toArray(String[]::new))
                .param("quantities", lines.stream().map(TillPurchase.Line::quantity).toArray(Integer[]::new))
                .param("prices", lines.stream().map(TillPurchase.Line::unitPrice).toArray(BigDecimal[]::new))
                .update();
        if (customerId != null) {
            PurchasesRecorded recorded = RecordedPurchases.ofPurchase(jdbc, purchase.storeId(), id.get(), clock.instant());
            if (!recorded.clients().isEmpty()) {
                events.publishEvent(recorded);
            }
        }
        return Optional.of(new Recorded(id.get(), purchase.storeId(), purchase.invoice(), customerId, lines.size(),
                purchase.total()));
    }
}
