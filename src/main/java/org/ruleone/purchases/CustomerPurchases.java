package org.ruleone.purchases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The purchases of a set of customers from a moment on, for reports that ask what came back. */
@Service
public class CustomerPurchases {

    private final JdbcClient jdbc;

    CustomerPurchases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One invoice; a return has a negative total. */
    public record Purchase(long purchaseId, long storeId, long customerId, Instant purchasedAt, BigDecimal total,
                           boolean isReturn) {
    }

    /** Purchases and returns of these customers at or after {@code since}, oldest first. */
    public List<Purchase> since(Collection<Long> customerIds, Instant since) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, store_id, customer_id, purchased_at, total, is_return from purchase
                 where customer_id = any(:customers) and purchased_at >= :since
                 order by purchased_at, id
                """)
                .param("customers", customerIds.toArray(Long[]::new)).param("since", Timestamp.from(since))
                .query((rs, n) -> new Purchase(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getBoolean(6)))
                .list();
    }

    /**
     * One invoice of a store, as another module ties something to it (a survey answer to the visit it was about).
     *
     * @param customerId the client, or {@code null} for a walk-in purchase
     */
    public record Invoice(long purchaseId, long storeId, String invoiceNo, Long customerId, Instant purchasedAt) {
    }

    /** The store's purchases with these invoice numbers, by invoice number; numbers it does not have are left out. */
    public Map<String, Invoice> invoices(long storeId, Collection<String> invoiceNos) {
        if (invoiceNos.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select id, store_id, invoice_no, customer_id, purchased_at from purchase
                 where store_id = :store and invoice_no = any(:invoices)
                """)
                .param("store", storeId).param("invoices", invoiceNos.toArray(String[]::new))
                .query((rs, n) -> new Invoice(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getTimestamp(5).toInstant()))
                .list().stream().collect(Collectors.toMap(Invoice::invoiceNo, Function.identity()));
    }
}
