package org.ruleone.catalog.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The items one store asked another to send for the client: what, between which stores, where it stands. */
@Component
@Order(15)
class TransferDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    TransferDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("transfers", jdbc.sql("""
                select p.name as product, p.sku, t.quantity, f.name as from_store, s.name as to_store, t.note,
                       t.status, a.name as requested_by, t.requested_at, t.updated_at
                  from transfer_request t
                  join product p on p.id = t.product_id
                  join store_directory f on f.id = t.from_store_id
                  join store_directory s on s.id = t.to_store_id
                  left join associate_directory a on a.id = t.requested_by
                 where t.customer_id = :client order by t.requested_at, t.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("description", rs.getString("product"), "sku", rs.getString("sku"),
                        "quantity", rs.getInt("quantity"), "fromStore", rs.getString("from_store"),
                        "store", rs.getString("to_store"), "note", rs.getString("note"),
                        "status", rs.getString("status"), "associate", firstName(rs.getString("requested_by")),
                        "requestedAt", rs.getTimestamp("requested_at"), "updatedAt", rs.getTimestamp("updated_at")))
                .list());
    }
}
