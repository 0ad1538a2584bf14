package org.ruleone.experience;

import org.ruleone.shared.Language;

/**
 * A shopper as a manager types them. {@code customerId} links a BEST_CLIENT to their client record (a client of
 * {@code storeId}); their name, e-mail and language, when left blank, are taken from it. A MONEY reward without a
 * currency is in the store's.
 */
public record MysteryShopperDraft(long storeId, String name, String email, Language language,
                                  MysteryShopperKind kind, Long customerId, MysteryReward reward) {
}
