package org.ruleone.customers;

/** A client was added to the book by hand (imports are not announced one by one). */
public record ClientAdded(long customerId, long storeId, Long associateId) {
}
