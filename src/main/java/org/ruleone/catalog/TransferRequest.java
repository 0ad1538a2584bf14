package org.ruleone.catalog;

import java.time.Instant;

/** A store asked another to send an item to one of its clients. */
public record TransferRequest(long id, long productId, String sku, String productName, long fromStoreId,
                              String fromStoreName, long toStoreId, String toStoreName, long customerId,
                              int quantity, String note, TransferStatus status, long requestedBy,
                              String requestedByName, Instant requestedAt, Instant updatedAt) {
}
