package org.ruleone.experience;

/** Who a mystery shopper is to the store: a friend, one of its best clients (linked to their record), or paid. */
public enum MysteryShopperKind {
    FRIEND, BEST_CLIENT, PROFESSIONAL
}
