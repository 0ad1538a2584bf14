package org.ruleone.catalog;

import org.ruleone.shared.Money;

/** A product with its stock in one store, as an import row or a form gives it. */
public record ProductDraft(String sku, String name, Money price, Long storeId,
                           Integer quantity, String department, String aisle) {
}
