package org.ruleone.service;

import java.time.Instant;
import java.util.Objects;

/** The facts a resolution records beside its kind and cost. */
public sealed interface ResolutionDetails {

    /** A refund; {@code goodsNeverSold} when the store refunded goods it never sold (the tires). */
    record Refund(boolean goodsNeverSold) implements ResolutionDetails {
    }

    /** A replacement shipped now, whoever was at fault (the boots). */
    record Replacement(String carrier, String tracking) implements ResolutionDetails {
        public Replacement {
            carrier = required(carrier, "carrier");
            tracking = required(tracking, "tracking number");
        }
    }

    /** An alteration promised for a fixed time (the tuxedo). */
    record Alteration(Instant promisedAt, AlterationStatus status) implements ResolutionDetails {
        public Alteration {
            Objects.requireNonNull(promisedAt, "An alteration needs a promised time");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A visit to the customer outside business hours. */
    record Visit(Instant visitAt) implements ResolutionDetails {
        public Visit {
            Objects.requireNonNull(visitAt, "An after-hours visit needs its time");
        }
    }

    /**
     * An item found and returned to its owner (the diamond); {@code itemId} is the logged found item, or null
     * when the item was never logged.
     */
    record FoundItem(String item, Long itemId) implements ResolutionDetails {
        public FoundItem {
            item = required(item, "found item");
        }

        public FoundItem(String item) {
            this(item, null);
        }
    }

    /** Kinds that need nothing beyond their cost and judgment. */
    record None() implements ResolutionDetails {
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A resolution needs its " + what);
        }
        return value.strip();
    }
}
