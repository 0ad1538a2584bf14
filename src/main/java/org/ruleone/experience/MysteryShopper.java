package org.ruleone.experience;

import java.time.Instant;

import org.ruleone.shared.Language;

/**
 * A mystery shopper of a store: who they are, the language their mail is written in, their client record when they
 * are one of the store's best clients, and the reward agreed per visit.
 */
public record MysteryShopper(long id, long storeId, String name, String email, Language language,
                             MysteryShopperKind kind, Long customerId, MysteryReward reward, boolean active,
                             Instant createdAt) {
}
