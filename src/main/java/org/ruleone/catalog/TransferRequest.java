package org.ruleone.catalog;

import java.time.Instant;
import java.util.Objects;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.IllegalTransitionException;

/**
 * A store asked another to send an item to one of its clients: REQUESTED, then SENT by the store asked, then
 * RECEIVED by the client's store; either store may cancel it before it arrives (an owner may do anything). The
 * status changes only through {@link #moveTo}, which refuses a move its status or the person's store does not
 * allow; the caller saves the result guarded by the status it started from.
 */
public record TransferRequest(long id, long productId, String sku, String productName, long fromStoreId,
                              String fromStoreName, long toStoreId, String toStoreName, long customerId,
                              int quantity, String note, TransferStatus status, long requestedBy,
                              String requestedByName, Instant requestedAt, Instant updatedAt) {

    /**
     * @throws IllegalTransitionException when the request's status does not lead to {@code to}
     * @throws IllegalStateException      when the move is not for the person's store
     */
    public TransferRequest moveTo(TransferStatus to, SignedInAssociate by, Instant at) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (!status.next().contains(to)) {
            throw new IllegalTransitionException("Transfer request " + id, status, "become " + to);
        }
        boolean theirs = switch (to) {
            case SENT -> by.canSeeStore(fromStoreId);
            case RECEIVED -> by.canSeeStore(toStoreId);
            case CANCELLED -> by.canSeeStore(fromStoreId) || by.canSeeStore(toStoreId);
            case REQUESTED -> false;
        };
        if (!theirs) {
            throw new IllegalStateException("Transfer request " + id + " is not for this store to make " + to);
        }
        return new TransferRequest(id, productId, sku, productName, fromStoreId, fromStoreName, toStoreId,
                toStoreName, customerId, quantity, note, to, requestedBy, requestedByName, requestedAt, at);
    }
}
