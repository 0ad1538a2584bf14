package org.ruleone.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/** A remedy an associate gives: its kind, what it cost the store and its details. */
public record Resolution(ResolutionKind kind, BigDecimal cost, String currency, ResolutionDetails details) {

    public Resolution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(details, "details");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("A resolution cannot cost less than nothing: " + cost);
        }
        if (cost.scale() > 2) {
            cost = cost.setScale(2, RoundingMode.HALF_UP);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + currency);
        }
        if (!kind.takes(details)) {
            throw new IllegalArgumentException(kind + " does not take " + details.getClass().getSimpleName());
        }
    }

    public static Resolution refund(BigDecimal amount, String currency, boolean goodsNeverSold) {
        return new Resolution(ResolutionKind.REFUND, amount, currency, new ResolutionDetails.Refund(goodsNeverSold));
    }

    public static Resolution replacementShipped(BigDecimal cost, String currency, String carrier, String tracking) {
        return new Resolution(ResolutionKind.REPLACEMENT_SHIPPED, cost, currency,
                new ResolutionDetails.Replacement(carrier, tracking));
    }

    public static Resolution alteration(BigDecimal cost, String currency, Instant promisedAt) {
        return new Resolution(ResolutionKind.ALTERATION, cost, currency,
                new ResolutionDetails.Alteration(promisedAt, AlterationStatus.ORDERED));
    }

    public static Resolution afterHoursVisit(BigDecimal cost, String currency, Instant visitAt) {
        return new Resolution(ResolutionKind.AFTER_HOURS_VISIT, cost, currency, new ResolutionDetails.Visit(visitAt));
    }

    public static Resolution lostAndFound(String item, String currency) {
        return new Resolution(ResolutionKind.LOST_AND_FOUND, BigDecimal.ZERO, currency,
                new ResolutionDetails.FoundItem(item));
    }

    /** A logged found item given back to the customer who lost it. */
    public static Resolution lostAndFound(String item, long itemId, String currency) {
        return new Resolution(ResolutionKind.LOST_AND_FOUND, BigDecimal.ZERO, currency,
                new ResolutionDetails.FoundItem(item, itemId));
    }

    /** The customer needed only an answer; nothing was given. */
    public static Resolution answered(String currency) {
        return new Resolution(ResolutionKind.ANSWERED, BigDecimal.ZERO, currency, new ResolutionDetails.None());
    }

    /** An exchange, goodwill credit or gift, or lifetime-guarantee replacement. */
    public static Resolution of(ResolutionKind kind, BigDecimal cost, String currency) {
        return new Resolution(kind, cost, currency, new ResolutionDetails.None());
    }
}
