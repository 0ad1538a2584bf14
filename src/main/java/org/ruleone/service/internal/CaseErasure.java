package org.ruleone.service.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The client's cases keep their channel, times, status, owner and resolutions (the figures hang on them); the text
 * goes (ADR 0117): every message's body, internal notes included, the attachments, what a lost-item report said,
 * and the client's names and addresses in a subject or a resolution's judgment become the pseudonym.
 */
@Component
class CaseErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    CaseErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        jdbc.sql("""
                        update case_message set body = ''
                         where case_id in (select id from service_case where customer_id = :id)
                        """).param("id", clientId).update();
        jdbc.sql("delete from case_attachment where case_id in (select id from service_case where customer_id = :id)")
                .param("id", clientId).update();
        jdbc.sql("""
                        update lost_report set description = ''
                         where case_id in (select id from service_case where customer_id = :id)
                        """).param("id", clientId).update();
        identifiers.of(clientId).ifPresent(who -> {
            jdbc.sql("""
                            update service_case set subject = regexp_replace(subject, :pattern, :pseudonym, 'gi')
                             where customer_id = :id and subject ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
            jdbc.sql("""
                            update resolution set judgment = regexp_replace(judgment, :pattern, :pseudonym, 'gi')
                             where case_id in (select id from service_case where customer_id = :id)
                               and judgment ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
        });
    }
}
