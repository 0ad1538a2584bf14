package org.ruleone.experience;

import java.math.BigDecimal;

/**
 * The reward agreed with a shopper for each visit, copied to a visit when it is scheduled: an amount of money in a
 * currency, or a gift described in words with an optional value (in the currency given, when there is one).
 */
public record MysteryReward(Kind kind, BigDecimal amount, String currency, String gift) {

    public enum Kind {
        MONEY, GIFT
    }

    public MysteryReward {
        gift = gift == null ? "" : gift;
    }

    public static MysteryReward money(BigDecimal amount, String currency) {
        return new MysteryReward(Kind.MONEY, amount, currency, "");
    }

    public static MysteryReward gift(String description, BigDecimal value, String currency) {
        return new MysteryReward(Kind.GIFT, value, value == null ? null : currency, description);
    }
}
