package org.ruleone.catalog;

import org.ruleone.shared.Money;

/** An item the chain sells. */
public record Product(long id, String sku, String name, Money price) {
}
