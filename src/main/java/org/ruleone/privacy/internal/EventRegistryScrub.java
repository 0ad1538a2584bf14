package org.ruleone.privacy.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry keeps every event as JSON, and some carry a client's name, address or free text
 * (a case's subject, a survey comment; ADR 0117). The completed publications about an erased client (their id in
 * the event) or naming them are deleted: they are history the registry no longer needs.
 * Publications still owed to a listener stay, or the listener would never run; they complete within minutes and
 * hold what the client's own record held a moment ago. The table is Spring Modulith's, not a module's.
 */
@Component
public class EventRegistryScrub {

    private final JdbcClient jdbc;

    EventRegistryScrub(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the completed publications of an event about the client ({@code "customerId":<id>} or
     * {@code "clientId":<id>}) or matching the pattern; returns how many.
     */
    public int forget(long clientId, String pattern) {
        return jdbc.sql("""
                        delete from event_publication
                         where completion_date is not null
                           and (serialized_event ~ :about or serialized_event ~* :pattern)
                        """)
                .param("about", "\"(customerId|clientId)\":" + clientId + "[,}]").param("pattern", pattern).update();
    }
}
