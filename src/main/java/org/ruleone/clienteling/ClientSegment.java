package org.ruleone.clienteling;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client's segment and the scores it came from, as of the refresh that computed it.
 *
 * @param recencyScore   1 (over a year since the last purchase) to 5 (within 30 days)
 * @param frequencyScore 1 to 5: quintile of the number of purchases among the clients of the same store
 * @param monetaryScore  1 to 5: quintile of net spend among the clients of the same store
 * @param recencyDays    days from the last purchase to {@code computedAt}
 */
public record ClientSegment(long customerId, long storeId, Segment segment, int recencyScore, int frequencyScore,
                            int monetaryScore, int recencyDays, int visits, BigDecimal netSpend, Instant computedAt) {
}
