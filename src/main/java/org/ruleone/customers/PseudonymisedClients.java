package org.ruleone.customers;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The client's own record becomes its pseudonym (ADR 0117): name, contact details, address, POS number, sizes,
 * notes, preferences and dates go; the row stays with its store, associate, language and consents (what was
 * granted, when, by whom, the wording read), so every fact that hangs on it still adds up. The contact addresses
 * go too, so a later mail or import from the same address finds no one and adds a new client. The privacy module
 * calls it after every {@link ClientErasure}, which may still read the client while they erase.
 */
@Service
public class PseudonymisedClients {

    private final JdbcClient jdbc;
    private final Clock clock;

    PseudonymisedClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the client's own record by the pseudonym. */
    public void pseudonymise(long clientId, String pseudonym) {
        jdbc.sql("delete from customer_address where customer_id = :id").param("id", clientId).update();
        jdbc.sql("delete from customer_date where customer_id = :id").param("id", clientId).update();
        jdbc.sql("delete from customer_tag where customer_id = :id").param("id", clientId).update();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update customer
                           set first_name = :pseudonym, last_name = '', email = null, phone = null, external_id = null,
                               address_line1 = '', address_line2 = '', postal_code = '', city = '', region = '',
                               country = '', sizes = '', notes = '', erased_at = :now, updated_at = :now
                         where id = :id
                        """)
                .param("pseudonym", pseudonym).param("now", now).param("id", clientId).update();
    }
}
