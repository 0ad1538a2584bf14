package org.ruleone.purchases.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Purchases hold no personal data of their own (invoice, time, store, amounts, lines: the facts stay, ADR 0117);
 * the rows an import refused keep the raw line, so those naming the client's address lose every identifier.
 */
@Component
class PurchaseErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    PurchaseErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        identifiers.of(clientId).filter(who -> who.email().isPresent()).ifPresent(who -> jdbc.sql("""
                        update purchase_import_error
                           set raw = regexp_replace(raw, :pattern, :pseudonym, 'gi'),
                               detail = regexp_replace(detail, :pattern, :pseudonym, 'gi')
                         where raw ilike '%' || :email || '%'
                        """)
                .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("email", who.email().get())
                .update());
    }
}
