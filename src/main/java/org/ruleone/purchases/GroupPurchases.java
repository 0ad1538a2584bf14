package org.ruleone.purchases;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Purchases of a set of clients in a time window, e.g. to compare those invited to an event with the others. */
@Service
public class GroupPurchases {

    /**
     * @param buyers    clients of the set with at least one purchase (not a return) in the window
     * @param purchases purchases (not returns) in the window
     * @param spend     net spend in the window, returns deducted
     */
    public record Figures(int buyers, int purchases, BigDecimal spend) {
    }

    private final JdbcClient jdbc;

    GroupPurchases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Purchases of these clients from {@code from} (inclusive) to {@code to} (exclusive). */
    public Figures between(Collection<Long> customerIds, Instant from, Instant to) {
        if (customerIds.isEmpty()) {
            return new Figures(0, 0, BigDecimal.ZERO);
        }
        return jdbc.sql("""
                select count(distinct customer_id) filter (where not is_return) as buyers,
                       count(*) filter (where not is_return) as purchases,
                       coalesce(sum(total), 0) as spend
                  from purchase
                 where customer_id = any(cast(:ids as bigint[]))
                   and purchased_at >= :from and purchased_at < :to
                """)
                .param("ids", customerIds.toArray(Long[]::new))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Figures(rs.getInt("buyers"), rs.getInt("purchases"),
                        rs.getBigDecimal("spend")))
                .single();
    }
}
