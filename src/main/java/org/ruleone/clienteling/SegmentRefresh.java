package org.ruleone.clienteling;

import java.time.Duration;
import java.time.Instant;

/** What one refresh of the client segments did. */
public record SegmentRefresh(Reason reason, Instant asOf, int clients, Duration took) {

    public enum Reason {
        /** The nightly run: recency moves on even when nobody buys. */
        SCHEDULED,
        /** A manager or owner asked for it. */
        ON_DEMAND,
        /** Purchases were added (an import, the till API) since the last refresh. */
        PURCHASES_CHANGED
    }
}
