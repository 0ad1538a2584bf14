package org.ruleone.catalog.internal;

import org.ruleone.customers.ClientErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A transfer asked for the client keeps its product, stores and status; the note about them goes (ADR 0117). */
@Component
class TransferErasure implements ClientErasure {

    private final JdbcClient jdbc;

    TransferErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        jdbc.sql("update transfer_request set note = '' where customer_id = :id").param("id", clientId).update();
    }
}
