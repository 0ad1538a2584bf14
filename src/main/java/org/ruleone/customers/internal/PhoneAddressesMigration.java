package org.ruleone.customers.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V105: the phone numbers clients already have become addresses their store finds them by (ADR 0087). In Java
 * because only libphonenumber reads "020 7946 0000" as +442079460000. The default region is the client's own
 * country when it names one (imports fill it), not the store's: this module's SQL reads only its own tables, and the
 * organization API does not exist while the schema is migrated. A national number with no country is kept as its
 * digits, which {@code ClientBook.find} still matches to the same number in E.164. The oldest client keeps a number
 * shared with others; nobody's phone is changed.
 */
@Component
class PhoneAddressesMigration implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("105");
    }

    @Override
    public String getDescription() {
        return "customers phone addresses";
    }

    @Override
    public Integer getChecksum() {
        return 105;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement clients = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into customer_address (store_id, address, customer_id) values (?, ?, ?)
                     on conflict do nothing""")) {
            clients.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = clients.executeQuery(
                    "select id, store_id, phone, country from customer where phone is not null order by id")) {
                while (rs.next()) {
                    long store = rs.getLong(2);
                    Optional<String> address = ContactAddresses.phone(rs.getString(3),
                            ContactAddresses.region(rs.getString(4)));
                    if (address.isPresent()) {
                        insert.setLong(1, store);
                        insert.setString(2, address.get());
                        insert.setLong(3, rs.getLong(1));
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
