package org.ruleone.mailroom.internal;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each address sent a store: one that only ever sent auto-replies or bounces never gets mail from us. */
@Repository
public class Senders {

    private final JdbcClient jdbc;

    Senders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long storeId, String address, boolean automatic) {
        if (address == null || address.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into mailroom_sender (store_id, address, normal, automatic)
                values (:store, :address, :normal, :automatic)
                on conflict (store_id, address) do update set normal = mailroom_sender.normal + excluded.normal,
                                                              automatic = mailroom_sender.automatic + excluded.automatic
                """)
                .param("store", storeId).param("address", address.strip().toLowerCase(Locale.ROOT))
                .param("normal", automatic ? 0 : 1).param("automatic", automatic ? 1 : 0).update();
    }

    /** True when the address sent the store automatic mail and never a person's mail. */
    public boolean onlyAutomatic(long storeId, String address) {
        return jdbc.sql("""
                select count(*) from mailroom_sender
                 where store_id = :store and address = :address and automatic > 0 and normal = 0
                """)
                .param("store", storeId).param("address", address.strip().toLowerCase(Locale.ROOT))
                .query(Integer.class).single() > 0;
    }
}
