package org.ruleone.purchases.internal;

import java.time.Instant;
import java.util.List;

import org.ruleone.purchases.PurchasesRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sums up, per client, the purchases a batch stored, for the {@link PurchasesRecorded} event. */
public final class RecordedPurchases {

    private RecordedPurchases() {
    }

    /** The clients' purchases of one import, in one set-based query. */
    public static PurchasesRecorded ofImport(JdbcClient jdbc, long storeId, long importId, Instant at) {
        return new PurchasesRecorded(storeId, importId, jdbc.sql("""
                select p.customer_id, min(p.purchased_at) as first_at, max(p.purchased_at) as last_at,
                       not exists (select 1 from purchase q
                                    where q.customer_id = p.customer_id and not q.is_return
                                      and q.import_id is distinct from :import) as first_ever
                  from purchase p
                 where p.import_id = :import and p.customer_id is not null and not p.is_return
                 group by p.customer_id
                """).param("import", importId).query(RecordedPurchases::row).list(), at);
    }

    /** The client's purchase a till sent. */
    public static PurchasesRecorded ofPurchase(JdbcClient jdbc, long storeId, long purchaseId, Instant at) {
        List<PurchasesRecorded.ClientPurchases> clients = jdbc.sql("""
                select p.customer_id, p.purchased_at as first_at, p.purchased_at as last_at,
                       not exists (select 1 from purchase q
                                    where q.customer_id = p.customer_id and not q.is_return and q.id <> p.id)
                       as first_ever
                  from purchase p
                 where p.id = :id and p.customer_id is not null and not p.is_return
                """).param("id", purchaseId).query(RecordedPurchases::row).list();
        return new PurchasesRecorded(storeId, null, clients, at);
    }

    private static PurchasesRecorded.ClientPurchases row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PurchasesRecorded.ClientPurchases(rs.getLong("customer_id"),
                rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(),
                rs.getBoolean("first_ever"));
    }
}
