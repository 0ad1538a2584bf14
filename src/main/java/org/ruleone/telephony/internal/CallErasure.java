package org.ruleone.telephony.internal;

import org.ruleone.customers.ClientErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The client's calls keep their times, rings and outcome (the standards' figures) without the number (ADR 0117). */
@Component
class CallErasure implements ClientErasure {

    private final JdbcClient jdbc;

    CallErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        jdbc.sql("update phone_call set caller_number = '' where customer_id = :id").param("id", clientId).update();
    }
}
