package org.ruleone.purchases;

import java.math.BigDecimal;
import java.time.Instant;

/** One purchase (an invoice) or return of a client, as a list of recent purchases shows it. */
public record RecentPurchase(long purchaseId, long customerId, long storeId, String invoiceNo, Instant purchasedAt,
                             BigDecimal total, int items, boolean isReturn) {
}
