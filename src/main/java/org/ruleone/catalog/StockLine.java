package org.ruleone.catalog;

/** How many of an item one store has, and where it sits there. */
public record StockLine(long productId, long storeId, String storeName, int quantity, String department,
                        String aisle) {
}
