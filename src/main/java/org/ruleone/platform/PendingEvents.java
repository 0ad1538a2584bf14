package org.ruleone.platform;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the event publication registry still owes a listener: events published in a committed transaction whose
 * listener has not completed yet (it failed, or the database went away while it ran). They are resubmitted
 * periodically; until then, work that depends on them must wait.
 */
@Component
public class PendingEvents {

    private final JdbcClient jdbc;

    PendingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param listener a class with transactional event listener methods
     * @param field    a numeric field of the events it listens to, e.g. {@code "caseId"}
     * @return the values of that field in every event not yet completed by one of the listener's methods
     */
    public Set<Long> idsPendingFor(Class<?> listener, String field) {
        // The registry names a listener by its method, "<class name>.<method>(<parameter types>)".
        return new HashSet<>(jdbc.sql("""
                        select distinct cast(cast(serialized_event as jsonb) ->> :field as bigint)
                          from event_publication
                         where completion_date is null
                           and listener_id like :listener
                           and cast(serialized_event as jsonb) ->> :field is not null
                        """)
                .param("field", field)
                .param("listener", listener.getName().replace("_", "\\_") + ".%")
                .query(Long.class).list());
    }
}
