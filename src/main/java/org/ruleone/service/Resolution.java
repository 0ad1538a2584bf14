package org.ruleone.service;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

import org.ruleone.shared.Money;

/** A remedy an associate gives: its kind, what it cost the store (in the store's currency) and its details. */
public record Resolution(ResolutionKind kind, Money cost, ResolutionDetails details) {

    public Resolution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(details, "details");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("A resolution cannot cost less than nothing: " + cost);
        }
        if (cost.amount().scale() > 2) {
            cost = new Money(cost.amount().setScale(2, RoundingMode.HALF_UP), cost.currency());
        }
        if (!kind.takes(details)) {
            throw new IllegalArgumentException(kind + " does not take " + details.getClass().getSimpleName());
        }
    }

    /** The cost's ISO 4217 code, "EUR". */
    public String currency() {
        return cost.currencyCode();
    }

    public static Resolution refund(Money amount, boolean goodsNeverSold) {
        return new Resolution(ResolutionKind.REFUND, amount, new ResolutionDetails.Refund(goodsNeverSold));
    }

    public static Resolution replacementShipped(Money cost, String carrier, String tracking) {
        return new Resolution(ResolutionKind.REPLACEMENT_SHIPPED, cost,
                new ResolutionDetails.Replacement(carrier, tracking));
    }

    public static Resolution alteration(Money cost, Instant promisedAt) {
        return new Resolution(ResolutionKind.ALTERATION, cost,
                new ResolutionDetails.Alteration(promisedAt, AlterationStatus.ORDERED));
    }

    public static Resolution afterHoursVisit(Money cost, Instant visitAt) {
        return new Resolution(ResolutionKind.AFTER_HOURS_VISIT, cost, new ResolutionDetails.Visit(visitAt));
    }

    public static Resolution lostAndFound(String item, String currency) {
        return new Resolution(ResolutionKind.LOST_AND_FOUND, Money.zero(currency),
                new ResolutionDetails.FoundItem(item));
    }

    /** A logged found item given back to the customer who lost it. */
    public static Resolution lostAndFound(String item, long itemId, String currency) {
        return new Resolution(ResolutionKind.LOST_AND_FOUND, Money.zero(currency),
                new ResolutionDetails.FoundItem(item, itemId));
    }

    /** The customer needed only an answer; nothing was given. */
    public static Resolution answered(String currency) {
        return new Resolution(ResolutionKind.ANSWERED, Money.zero(currency), new ResolutionDetails.None());
    }

    /** An exchange, goodwill credit or gift, or lifetime-guarantee replacement. */
    public static Resolution of(ResolutionKind kind, Money cost) {
        return new Resolution(kind, cost, new ResolutionDetails.None());
    }
}
