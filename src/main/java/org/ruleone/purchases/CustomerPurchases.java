package org.ruleone.purchases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
}
