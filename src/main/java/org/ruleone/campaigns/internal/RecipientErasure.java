package org.ruleone.campaigns.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The client stays counted among a campaign's recipients (sent, bounced, answered: the campaign's figures) without
 * the address it went to; a bounce recorded for that address goes with it (ADR 0117).
 */
@Component
class RecipientErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    RecipientErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        identifiers.of(clientId).flatMap(ClientIdentifiers.Identifiers::email).ifPresent(email -> jdbc.sql("""
                        delete from undeliverable_address where email = :email
                        """).param("email", email).update());
        jdbc.sql("update campaign_recipient set email = '' where customer_id = :id").param("id", clientId).update();
    }
}
