package org.ruleone.catalog;

import java.time.Instant;

/**
 * An associate asked another store to send an item to a client; that store should get a task for it.
 *
 * @param fromStoreId the store asked to send the item
 * @param toStoreId   the store of the associate who asked
 */
public record ItemRequested(long requestId, long fromStoreId, long toStoreId, long customerId, long requestedBy,
                            String sku, String productName, int quantity, Instant at) {
}
