package org.ruleone.clienteling;

import java.time.Duration;
import java.time.Instant;

/**
 * What one refresh of the client segments did.
 *
 * @param clients    clients with a segment after it
 * @param recomputed whether it recomputed every client (else only those whose purchases changed, whose score a moved
 *                   quintile step reaches, or whose recency band time alone changed)
 * @param rewritten  rows it inserted, updated or deleted
 */
public record SegmentRefresh(Reason reason, Instant asOf, int clients, Duration took, boolean recomputed,
                             int rewritten) {

    public enum Reason {
        /** The nightly run, which recomputes every client: recency moves on even when nobody buys. */
        SCHEDULED,
        /** A manager or owner asked to recompute every client. */
        ON_DEMAND,
        /** Purchases were added, changed or deleted (an import, the till API): only what that changed is refreshed. */
        PURCHASES_CHANGED
    }
}
