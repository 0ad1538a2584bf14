package org.ruleone.catalog;

import java.math.BigDecimal;

/** An item the chain sells. */
public record Product(long id, String sku, String name, BigDecimal price, String currency) {
}
