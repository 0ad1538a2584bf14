package org.ruleone.clienteling.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks about the client keep their kind, dates, status and who did them (the associate's figures); what an
 * associate wrote on closing one goes, and the client's names in a title become the pseudonym (ADR 0117).
 */
@Component
class ClientelingErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    ClientelingErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        jdbc.sql("update clienteling_task set closed_note = '' where customer_id = :id and closed_note <> ''")
                .param("id", clientId).update();
        identifiers.of(clientId).ifPresent(who -> jdbc.sql("""
                        update clienteling_task set title = regexp_replace(title, :pattern, :pseudonym, 'gi')
                         where customer_id = :id and title ~* :pattern
                        """)
                .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update());
    }
}
