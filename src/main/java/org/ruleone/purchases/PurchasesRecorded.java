package org.ruleone.purchases;

import java.time.Instant;
import java.util.List;

/**
 * Purchases of known clients were stored: one event per till purchase and one per import (never one per line),
 * published in the transaction that stored them.
 *
 * @param importId the import run, or {@code null} for a purchase a till sent
 * @param clients  per client of the batch, their purchases in it (returns left out)
 * @param at       when the purchases were stored: what a listener counts from, however late it runs (null only
 *                 in an event stored before this field existed)
 */
public record PurchasesRecorded(long storeId, Long importId, List<ClientPurchases> clients, Instant at) {

    public PurchasesRecorded {
        clients = List.copyOf(clients);
    }

    /**
     * @param firstAt   the client's earliest purchase in the batch
     * @param lastAt    the client's latest purchase in the batch
     * @param firstEver true when the client had bought nothing before this batch
     */
    public record ClientPurchases(long customerId, Instant firstAt, Instant lastAt, boolean firstEver) {
    }
}
