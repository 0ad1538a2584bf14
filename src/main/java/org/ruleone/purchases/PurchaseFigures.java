package org.ruleone.purchases;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one client's purchases add up to.
 *
 * @param storeId         the store of the client's latest purchase
 * @param firstPurchaseAt first purchase that is not a return; {@code null} when the client only returned things
 * @param lastPurchaseAt  latest purchase that is not a return; {@code null} when the client only returned things
 * @param visits          purchases that are not returns
 * @param returns         returns and cancellations
 * @param netSpend        purchases minus returns
 */
public record PurchaseFigures(long customerId, long storeId, Instant firstPurchaseAt, Instant lastPurchaseAt,
                              long visits, long returns, BigDecimal netSpend) {
}
