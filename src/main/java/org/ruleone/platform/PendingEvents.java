package org.ruleone.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the event publication registry still owes a listener: events published in a committed transaction whose
 * listener has not completed yet (it failed, or the database went away while it ran). They are resubmitted
 * periodically; until then, work that depends on them must wait.
 */
@Component
public class PendingEvents {

    private static final Logger log = LoggerFactory.getLogger(PendingEvents.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PendingEvents(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Completes what the registry still owes a listener method that no longer runs after the commit (it became a
     * plain {@code @EventListener} in the publisher's transaction, ADR 0126): the registry cannot resubmit those
     * publications any more, so each is handed to {@code handler} and marked completed in one transaction of its
     * own. The handler must be idempotent (two nodes starting at once may both take one over).
     *
     * @param listenerId the registry's name of the old listener, "&lt;class name&gt;.&lt;method&gt;(&lt;parameter
     *                   types&gt;)"
     * @return how many publications were completed
     */
    public <T> int takeOver(String listenerId, Class<T> type, Consumer<T> handler) {
        List<Object[]> owed = jdbc.sql("""
                        select id, serialized_event from event_publication
                         where completion_date is null and listener_id = :listener
                        """)
                .param("listener", listenerId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        int done = 0;
        for (Object[] publication : owed) {
            try {
                transaction.executeWithoutResult(status -> {
                    // The registry wrote the event with the application's JSON mapper.
                    handler.accept(json.readValue((String) publication[1], type));
                    jdbc.sql("""
                            update event_publication set completion_date = :now, status = 'COMPLETED'
                             where id = :id and completion_date is null
                            """)
                            .param("now", Timestamp.from(clock.instant())).param("id", publication[0]).update();
                });
                done++;
            } catch (RuntimeException e) {
                log.warn("Event publication {} of {} could not be completed; it is tried again at the next start",
                        publication[0], listenerId, e);
            }
        }
        if (done > 0) {
            log.info("Completed {} event publications left for {}", done, listenerId);
        }
        return done;
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
