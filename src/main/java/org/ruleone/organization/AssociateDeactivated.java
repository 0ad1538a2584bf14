package org.ruleone.organization;

/** An associate left or was switched off; their clients stay with the store. */
public record AssociateDeactivated(long associateId, Long storeId) {
}
