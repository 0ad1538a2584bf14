package org.ruleone.customers;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Implemented by a module whose records show a client is still a client (a purchase, a case): the idle-clients
 * retention rule (ADR 0118) erases only those no implementation reports active since the cut-off.
 */
public interface ClientActivity {

    /** The clients among these ids with something of this module's on or after {@code since}. */
    Set<Long> activeSince(Collection<Long> clientIds, Instant since);
}
