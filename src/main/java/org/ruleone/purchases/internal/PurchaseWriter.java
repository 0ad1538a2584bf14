package org.ruleone.purchases.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the purchases of a run, once its lines are in and its customers known: one purchase per invoice, loaded
 * with {@code COPY} and one {@code INSERT … ON CONFLICT DO NOTHING}. An invoice the store already had keeps its
 * purchase: the lines just loaded for it move there, skipping the ones it already holds.
 */
@Component
class PurchaseWriter {

    private final JdbcClient jdbc;

    PurchaseWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Foreign-key triggers check each line's purchase one row at a time, which would cost more than the load
     * itself. This transaction writes every purchase its lines point to before it commits (and holds the store's
     * lock), so when the database lets us (a superuser, or a role granted {@code SET} on
     * {@code session_replication_role} as the embedded database's application role is, PostgreSQL 15 and later) the
     * row-by-row triggers are switched off for this transaction only. Otherwise the check is deferred to the commit.
     */
    boolean switchOffRowTriggers() {
        if (jdbc.sql("select current_setting('is_superuser') = 'on'").query(Boolean.class).single()
                || mayBeGrantedSettings() && jdbc.sql("select has_parameter_privilege('session_replication_role', 'SET')")
                        .query(Boolean.class).single()) {
            jdbc.sql("set local session_replication_role = replica").update();
            return true;
        }
        jdbc.sql("set constraints all deferred").update();
        return false;
    }

    /** {@code GRANT SET ON PARAMETER} (and the function asking for it) came with PostgreSQL 15. */
    private boolean mayBeGrantedSettings() {
        return jdbc.sql("select current_setting('server_version_num')::int >= 150000").query(Boolean.class).single();
    }

    /** Loads one purchase per invoice; returns the number of lines, and of purchases, that are new to the store. */
    long[] load(CopyManager copyApi, long storeId, long importId, ImportScan scan,
                               Map<String, Long> customerIds, boolean fresh) throws SQLException {
        if (fresh) {
            // None of the invoices is in the store, and its lock keeps it so: nothing can conflict.
            copyPurchases(copyApi.copyIn("copy purchase (id, invoice_no, customer_id, purchased_at, country, total, "
                    + "items, line_count, is_return, store_id, import_id) from stdin"), scan, customerIds,
                    new long[] {storeId, importId});
            return new long[] {scan.copied, scan.invoices.size()};
        }
        jdbc.sql("""
                create temporary table purchase_incoming (
                    id bigint, invoice_no text, customer_id bigint, purchased_at timestamptz, country text,
                    total numeric(18,4), items integer, line_count integer, is_return boolean) on commit drop
                """).update();
        copyPurchases(copyApi.copyIn("copy purchase_incoming from stdin"), scan, customerIds, null);
        int added = jdbc.sql("""
                insert into purchase (id, store_id, invoice_no, customer_id, purchased_at, country, total, items,
                                      line_count, is_return, import_id)
                select id, :store, invoice_no, customer_id, purchased_at, country, total, items, line_count,
                       is_return, :import
                  from purchase_incoming
                on conflict (store_id, invoice_no) do nothing
                """)
                .param("store", storeId).param("import", importId).update();
        if (added == scan.invoices.size()) {
            return new long[] {scan.copied, added};
        }
        return new long[] {mergeIntoExistingPurchases(storeId, scan.copied), added};
    }

    private static void copyPurchases(CopyIn copyIn, ImportScan scan, Map<String, Long> customerIds, long[] suffix)
            throws SQLException {
        CopyRows out = new CopyRows(copyIn);
        for (Map.Entry<String, ImportScan.Invoice> e : scan.invoices.entrySet()) {
            ImportScan.Invoice i = e.getValue();
            Long customer = i.customer == null ? null : customerIds.get(i.customer);
            out.number(i.id).tab().text(e.getKey()).tab();
            (customer == null ? out.nullValue() : out.number(customer)).tab();
            out.text(i.purchasedAt).tab().text(i.country).tab().decimal(i.total, RowParser.PRICE_SCALE).tab()
                    .number(i.items).tab().number(i.lines).tab().text(i.isReturn ? "t" : "f");
            if (suffix != null) {
                for (long value : suffix) {
                    out.tab().number(value);
                }
            }
            out.endRow();
        }
        out.finish();
    }

    boolean noneInStore(long storeId, Set<String> invoices) {
        return !jdbc.sql("""
                select exists (select 1 from purchase where store_id = :store and invoice_no = any(cast(:invoices as text[])))
                """)
                .param("store", storeId).param("invoices", invoices.toArray(String[]::new))
                .query(Boolean.class).single();
    }

    /**
     * Some invoices were already in the store (the same file again, or a file overlapping an earlier one): their
     * new lines move to the existing purchase, where the ones it already has are skipped; its totals are recounted.
     */
    private long mergeIntoExistingPurchases(long storeId, long copied) {
        jdbc.sql("""
                create temporary table purchase_moved on commit drop as
                select i.id as new_id, p.id as old_id
                  from purchase_incoming i join purchase p on p.store_id = :store and p.invoice_no = i.invoice_no
                 where p.id <> i.id
                """).param("store", storeId).update();
        int kept = jdbc.sql("""
                insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price,
                                           import_id)
                select m.old_id, l.line_in_invoice, l.sku, l.description, l.quantity, l.unit_price, l.import_id
                  from purchase_line l join purchase_moved m on l.purchase_id = m.new_id
                on conflict do nothing
                """).update();
        int moved = jdbc.sql("delete from purchase_line l using purchase_moved m where l.purchase_id = m.new_id")
                .update();
        if (kept > 0) {
            jdbc.sql("""
                    update purchase p set total = s.total, items = s.items, line_count = s.lines,
                           is_return = p.is_return or s.negative
                                       or exists (select 1 from purchase_incoming i
                                                   where i.invoice_no = p.invoice_no and i.is_return)
                      from (select purchase_id, sum(quantity * unit_price) as total, sum(quantity) as items,
                                   count(*) as lines, bool_or(quantity < 0) as negative
                              from purchase_line
                             where purchase_id in (select old_id from purchase_moved)
                             group by purchase_id) s
                     where p.id = s.purchase_id
                    """).update();
        }
        return copied - moved + kept;
    }
}
