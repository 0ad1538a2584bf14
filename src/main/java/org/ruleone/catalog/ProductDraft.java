package org.ruleone.catalog;

import java.math.BigDecimal;

/** A product with its stock in one store, as an import row or a form gives it. */
public record ProductDraft(String sku, String name, BigDecimal price, String currency, Long storeId,
                           Integer quantity, String department, String aisle) {
}
