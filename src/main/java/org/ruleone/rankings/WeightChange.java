package org.ruleone.rankings;

import java.time.Instant;
import java.time.YearMonth;

/** A change of the weights, kept: what they became, from which month, who changed them and when. */
public record WeightChange(YearMonth effectiveFrom, Weights weights, String changedBy, Instant changedAt) {
}
