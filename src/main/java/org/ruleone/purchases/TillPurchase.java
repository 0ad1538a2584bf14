package org.ruleone.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase as a till sends it.
 *
 * @param customerNumber the POS customer number, or {@code null} for a walk-in purchase
 * @param lines          a negative quantity is a return
 */
public record TillPurchase(long storeId, String invoice, Instant purchasedAt, String customerNumber, String country,
                           List<Line> lines) {

    public record Line(String sku, String description, int quantity, BigDecimal unitPrice) {
    }

    public BigDecimal total() {
        return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
