package org.ruleone.customers;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The client book's public API. */
@Service
public class ClientBook {

    private final JdbcClient jdbc;

    ClientBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Finds or creates the customers with these POS numbers, in one statement whatever their number.
     * New customers belong to {@code storeId}; existing ones keep their store and details.
     *
     * @return the customer id for each external id
     */
    @Transactional
    public Map<String, Long> ensureImported(long storeId, Collection<ImportedCustomer> customers) {
        Map<String, Long> ids = new HashMap<>(customers.size() * 2);
        if (customers.isEmpty()) {
            return ids;
        }
        String[] externalIds = customers.stream().map(ImportedCustomer::externalId).toArray(String[]::new);
        String[] countries = customers.stream().map(c -> c.country() == null ? "" : c.country()).toArray(String[]::new);
        jdbc.sql("""
                insert into customer (store_id, external_id, country)
                select :store, e, c from unnest(cast(:ids as text[]), cast(:countries as text[])) as t(e, c)
                on conflict (external_id) where external_id is not null do nothing
                """)
                .param("store", storeId).param("ids", externalIds).param("countries", countries)
                .update();
        jdbc.sql("select external_id, id from customer where external_id = any(cast(:ids as text[]))")
                .param("ids", externalIds)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                })
                ;
        return ids;
    }
}
