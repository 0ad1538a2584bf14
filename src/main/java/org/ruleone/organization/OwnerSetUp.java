package org.ruleone.organization;

/** The first run finished: the owner and the first store exist. */
public record OwnerSetUp(long ownerId, long storeId) {
}
