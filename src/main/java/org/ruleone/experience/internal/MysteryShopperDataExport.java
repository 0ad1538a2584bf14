package org.ruleone.experience.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.item;

/**
 * A best client who shops as a mystery shopper: the visits they made or were asked to make, what they said stood out,
 * the score, and the reward, for their copy of their data.
 */
@Component
@Order(32)
class MysteryShopperDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    MysteryShopperDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("mystery", jdbc.sql("""
                select s.name as store, v.target_kind, v.business_name, v.window_from, v.window_to, v.status,
                       v.visited_at, v.stood_out, v.score, v.reward_kind, v.reward_amount, v.reward_currency,
                       v.reward_gift, v.reward_paid_at
                  from mystery_visit v
                  join mystery_shopper m on m.id = v.shopper_id
                  join store_directory s on s.id = v.store_id
                 where m.customer_id = :client order by v.window_from, v.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("store", rs.getString("store"), "kind", rs.getString("target_kind"),
                        "business", rs.getString("business_name"), "dueOn", rs.getDate("window_from"),
                        "until", rs.getDate("window_to"), "status", rs.getString("status"),
                        "visitedAt", rs.getTimestamp("visited_at"), "note", rs.getString("stood_out"),
                        "score", rs.getBigDecimal("score") == null ? null : rs.getBigDecimal("score").toPlainString(),
                        "reward", rs.getBigDecimal("reward_amount") == null ? rs.getString("reward_gift")
                                : rs.getBigDecimal("reward_amount").toPlainString() + " "
                                        + rs.getString("reward_currency"),
                        "paidAt", rs.getTimestamp("reward_paid_at")))
                .list());
    }
}
