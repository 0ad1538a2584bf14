package org.ruleone.catalog;

import java.util.Set;

/** Where a request to send an item to a client stands. */
public enum TransferStatus {
    REQUESTED, SENT, RECEIVED, CANCELLED;

    /** The statuses a request may move to from this one. */
    public Set<TransferStatus> next() {
        return switch (this) {
            case REQUESTED -> Set.of(SENT, CANCELLED);
            case SENT -> Set.of(RECEIVED, CANCELLED);
            case RECEIVED, CANCELLED -> Set.of();
        };
    }
}
