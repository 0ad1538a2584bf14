package org.ruleone.experience;

import java.math.BigDecimal;

import org.ruleone.platform.Formats;

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

    /** The reward copied to a visit. */
    public static MysteryReward of(MysteryVisit visit) {
        return new MysteryReward(Kind.valueOf(visit.rewardKind()), visit.rewardAmount(), visit.rewardCurrency(),
                visit.rewardGift());
    }

    /** "€20.00", or the gift with its value when it has one: "Dinner for two (€80.00)". */
    public String describe(Formats fmt) {
        String value = amount == null ? "" : fmt.money(amount, currency);
        if (kind == Kind.MONEY) {
            return value;
        }
        return value.isEmpty() ? gift : gift + " (" + value + ")";
    }

    public static MysteryReward gift(String description, BigDecimal value, String currency) {
        return new MysteryReward(Kind.GIFT, value, value == null ? null : currency, description);
    }
}
