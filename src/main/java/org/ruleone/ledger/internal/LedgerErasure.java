package org.ruleone.ledger.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's and the review's copies of a case's subject and judgment lose the client's names and addresses as
 * the case does (ADR 0117); amounts, kinds and dates stay.
 */
@Component
class LedgerErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    LedgerErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        identifiers.of(clientId).ifPresent(who -> {
            jdbc.sql("""
                            update review_case set subject = regexp_replace(subject, :pattern, :pseudonym, 'gi')
                             where customer_id = :id and subject ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
            jdbc.sql("""
                            update ledger_spend set judgment = regexp_replace(judgment, :pattern, :pseudonym, 'gi')
                             where customer_id = :id and judgment ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
        });
    }
}
