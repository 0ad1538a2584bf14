package org.ruleone.purchases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.item;

/** The client's purchases and returns, each with its lines, for their copy of their data. */
@Component
@Order(10)
class PurchaseDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    PurchaseDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        Map<Long, Map<String, Object>> purchases = new LinkedHashMap<>();
        jdbc.sql("""
                select p.id, s.name as store, p.invoice_no, p.purchased_at, p.total, p.items, p.is_return,
                       l.line_in_invoice, l.sku, l.description, l.quantity, l.unit_price
                  from purchase p
                  join store_directory s on s.id = p.store_id
                  left join purchase_line l on l.purchase_id = p.id
                 where p.customer_id = :client
                 order by p.purchased_at, p.id, l.line_in_invoice
                """)
                .param("client", clientId)
                .query((RowCallbackHandler) rs -> {
                    Map<String, Object> purchase = purchases.computeIfAbsent(rs.getLong("id"), id -> row(rs));
                    if (rs.getObject("line_in_invoice") != null) {
                        lines(purchase).add(item("sku", rs.getString("sku"),
                                "description", rs.getString("description"), "quantity", rs.getInt("quantity"),
                                "unitPrice", rs.getBigDecimal("unit_price").stripTrailingZeros().toPlainString()));
                    }
                });
        return new Section("purchases", new ArrayList<>(purchases.values()));
    }

    private static Map<String, Object> row(ResultSet rs) {
        try {
            Map<String, Object> purchase = item("store", rs.getString("store"), "invoice", rs.getString("invoice_no"),
                    "purchasedAt", rs.getTimestamp("purchased_at"),
                    "return", rs.getBoolean("is_return"),
                    "total", rs.getBigDecimal("total").stripTrailingZeros().toPlainString(),
                    "items", rs.getInt("items"));
            purchase.put("lines", new ArrayList<Map<String, Object>>());
            return purchase;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> purchase) {
        return (List<Map<String, Object>>) purchase.get("lines");
    }
}
