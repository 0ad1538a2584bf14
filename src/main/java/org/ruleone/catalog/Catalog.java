package org.ruleone.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ruleone.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products, their price and where each store keeps them. Every associate may look at every store's stock: that is
 * the point of finding an item anywhere.
 */
@Service
public class Catalog {

    public static final int SEARCH_LIMIT = 30;

    /**
     * Lower than pg_trgm's default word-similarity threshold (0.6): item names are short and people misspell two
     * words at once ("sued lofer" is 0.5 from "suede loafer"). A catalog is thousands of rows, not millions, so the
     * similarity is computed on each one rather than through the index operator.
     */
    static final double TYPO_THRESHOLD = 0.4;

    private final JdbcClient jdbc;
    private final Clock clock;

    Catalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Products whose SKU is the query, then whose name contains it, then whose name looks like it despite typos and
     * missing accents,
     * best first.
     */
    public List<Product> find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.sku, p.name, p.price, p.currency from product p
                 where lower(p.sku) = lower(:q)
                    or p.search_text like '%' || ro_fold(:like) || '%'
                    or word_similarity(ro_fold(:q), p.search_text) >= :threshold
                 order by (lower(p.sku) = lower(:q)) desc,
                          (p.search_text like '%' || ro_fold(:like) || '%') desc,
                          word_similarity(ro_fold(:q), p.search_text) desc, p.name
                 limit :limit
                """)
                .param("q", q).param("like", escapeLike(q)).param("threshold", TYPO_THRESHOLD).param("limit", SEARCH_LIMIT)
                .query(Catalog::product).list();
    }

    public Optional<Product> product(long id) {
        return jdbc.sql("select id, sku, name, price, currency from product where id = :id")
                .param("id", id).query(Catalog::product).optional();
    }

    public Optional<Product> productBySku(String sku) {
        return jdbc.sql("select id, sku, name, price, currency from product where lower(sku) = lower(:sku)")
                .param("sku", sku.strip()).query(Catalog::product).optional();
    }

    /** Every store that lists the item, those with stock first. */
    public List<StockLine> stock(long productId) {
        return jdbc.sql("""
                select s.product_id, s.store_id, st.name as store_name, s.quantity, s.department, s.aisle
                  from product_stock s join store_directory st on st.id = s.store_id
                 where s.product_id = :id order by (s.quantity > 0) desc, st.name
                """)
                .param("id", productId)
                .query((rs, n) -> new StockLine(rs.getLong("product_id"), rs.getLong("store_id"),
                        rs.getString("store_name"), rs.getInt("quantity"), rs.getString("department"),
                        rs.getString("aisle")))
                .list();
    }

    /**
     * Creates or updates the product by SKU and, when the draft names a store, its stock and place there.
     *
     * @return the product id
     */
    @Transactional
    public long save(ProductDraft draft) {
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into product (sku, name, price, currency, updated_at) values (:sku, :name, :price, :currency, :at)
                on conflict (lower(sku)) do update set name = excluded.name, price = excluded.price,
                    currency = excluded.currency, updated_at = excluded.updated_at
                returning id
                """)
                .param("sku", draft.sku().strip()).param("name", draft.name().strip())
                .param("price", draft.price().amount()).param("currency", draft.price().currencyCode())
                .param("at", now)
                .query(Long.class).single();
        if (draft.storeId() != null) {
            jdbc.sql("""
                    insert into product_stock (product_id, store_id, quantity, department, aisle, updated_at)
                    values (:p, :s, :q, :d, :a, :at)
                    on conflict (product_id, store_id) do update set quantity = excluded.quantity,
                        department = excluded.department, aisle = excluded.aisle, updated_at = excluded.updated_at
                    """)
                    .param("p", id).param("s", draft.storeId())
                    .param("q", draft.quantity() == null ? 0 : draft.quantity())
                    .param("d", draft.department() == null ? "" : draft.department().strip())
                    .param("a", draft.aisle() == null ? "" : draft.aisle().strip())
                    .param("at", now).update();
        }
        return id;
    }

    /**
     * Sets how many of an existing product a store has and where it keeps them, leaving the product's name and price
     * alone (they are the owner's). A {@code null} field keeps what the store had (0 and blank for a new line).
     */
    @Transactional
    public void saveStock(long productId, long storeId, Integer quantity, String department, String aisle) {
        jdbc.sql("""
                insert into product_stock (product_id, store_id, quantity, department, aisle, updated_at)
                values (:p, :s, coalesce(cast(:q as integer), 0), coalesce(cast(:d as text), ''),
                        coalesce(cast(:a as text), ''), :at)
                on conflict (product_id, store_id) do update
                    set quantity = coalesce(cast(:q as integer), product_stock.quantity),
                        department = coalesce(cast(:d as text), product_stock.department),
                        aisle = coalesce(cast(:a as text), product_stock.aisle), updated_at = excluded.updated_at
                """)
                .param("p", productId).param("s", storeId).param("q", quantity)
                .param("d", department == null ? null : department.strip())
                .param("a", aisle == null ? null : aisle.strip())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                Money.of(rs.getBigDecimal("price"), rs.getString("currency")));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
