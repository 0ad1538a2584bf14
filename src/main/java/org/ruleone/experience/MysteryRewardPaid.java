package org.ruleone.experience;

import java.time.Instant;

import org.ruleone.shared.Money;

/**
 * A mystery shopper's reward for a visit was paid: money, or a gift with the value the manager gave it (null when
 * none). The ledger shows it as a cost of its own kind.
 */
public record MysteryRewardPaid(long visitId, long storeId, long shopperId, String rewardKind, Money value,
                                String gift, long paidBy, Instant paidAt) {
}
