package org.ruleone.experience.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Survey answers keep their scores, times, store and associate (the figures and the proof hang on them); the
 * comments go (ADR 0117). A mystery shopper who was this client keeps their visits under the pseudonym and stops
 * shopping; import rows that carried their address lose every identifier.
 */
@Component
class SurveyErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;

    SurveyErasure(JdbcClient jdbc, ClientIdentifiers identifiers) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        jdbc.sql("update survey_answer set comment = null where customer_id = :id and comment is not null")
                .param("id", clientId).update();
        jdbc.sql("""
                        update mystery_shopper set name = :pseudonym, email = :pseudonym || '@erased.invalid',
                               active = false
                         where customer_id = :id
                        """).param("pseudonym", pseudonym).param("id", clientId).update();
        identifiers.of(clientId).filter(who -> who.email().isPresent()).ifPresent(who -> jdbc.sql("""
                        update survey_import_error
                           set raw = regexp_replace(raw, :pattern, :pseudonym, 'gi'),
                               detail = regexp_replace(detail, :pattern, :pseudonym, 'gi')
                         where raw ilike '%' || :email || '%'
                        """)
                .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("email", who.email().get())
                .update());
    }
}
