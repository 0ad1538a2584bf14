package org.ruleone.service.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Money;

/**
 * One resolution form, whatever its kind: the fields a kind does not use stay empty. A refused form comes back
 * exactly as typed, with a message per field.
 *
 * @param promisedAt an alteration's promised time, as a browser's datetime-local ("2026-11-22T19:30"), store time
 * @param visitAt    an after-hours visit's time, same format
 */
record ResolveForm(String kind, String cost, String currency, String judgment, Boolean goodsNeverSold,
                   String carrier, String tracking, String promisedAt, String visitAt, String item) {

    static final int MAX_JUDGMENT = 500;

    ResolveForm {
        kind = clean(kind);
        cost = clean(cost);
        currency = clean(currency).toUpperCase(java.util.Locale.ROOT);
        judgment = clean(judgment);
        carrier = clean(carrier);
        tracking = clean(tracking);
        promisedAt = clean(promisedAt);
        visitAt = clean(visitAt);
        item = clean(item);
        goodsNeverSold = Boolean.TRUE.equals(goodsNeverSold);
    }

    static ResolveForm empty(String currency) {
        return new ResolveForm("", "", currency, "", false, "", "", "", "", "");
    }

    Optional<ResolutionKind> parsedKind() {
        return CasesController.parse(ResolutionKind.class, kind);
    }

    /** Field name to message key, in form order; empty when the form is good. */
    Map<String, String> problems(ZoneId zone) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<ResolutionKind> chosen = parsedKind();
        if (chosen.isEmpty()) {
            problems.put("kind", "resolve.error.kind");
            return problems;
        }
        ResolutionKind k = chosen.get();
        if (costed(k)) {
            Optional<BigDecimal> amount = amount();
            if (cost.isEmpty() && k == ResolutionKind.REFUND) {
                problems.put("cost", "resolve.error.amountRequired");
            } else if (!cost.isEmpty() && amount.isEmpty()) {
                problems.put("cost", "resolve.error.costNumber");
            } else if (amount.map(a -> a.signum() < 0).orElse(false)) {
                problems.put("cost", "resolve.error.costNegative");
            } else if (amount.map(a -> a.compareTo(new BigDecimal("9999999999")) > 0).orElse(false)) {
                problems.put("cost", "resolve.error.costNumber");
            }
            if (!Money.isCurrency(currency)) {
                problems.put("currency", "resolve.error.currency");
            }
        }
        if (k == ResolutionKind.REPLACEMENT_SHIPPED) {
            if (carrier.isEmpty()) {
                problems.put("carrier", "resolve.error.carrier");
            }
            if (tracking.isEmpty()) {
                problems.put("tracking", "resolve.error.tracking");
            }
        }
        if (k == ResolutionKind.ALTERATION && time(promisedAt).isEmpty()) {
            problems.put("promisedAt", "resolve.error.promisedAt");
        }
        if (k == ResolutionKind.AFTER_HOURS_VISIT && time(visitAt).isEmpty()) {
            problems.put("visitAt", "resolve.error.visitAt");
        }
        if (k == ResolutionKind.LOST_AND_FOUND && item.isEmpty()) {
            problems.put("item", "resolve.error.item");
        }
        if (judgment.isEmpty()) {
            problems.put("judgment", "resolve.error.judgment");
        } else if (judgment.length() > MAX_JUDGMENT) {
            problems.put("judgment", "resolve.error.judgmentLong");
        }
        return problems;
    }

    /** The resolution this form asks for; call only when {@link #problems} is empty. */
    Resolution resolution(ZoneId zone, String storeCurrency) {
        ResolutionKind k = parsedKind().orElseThrow();
        Money money = Money.of(amount().orElse(BigDecimal.ZERO), costed(k) ? currency : storeCurrency);
        return switch (k) {
            case REFUND -> Resolution.refund(money, goodsNeverSold);
            case REPLACEMENT_SHIPPED -> Resolution.replacementShipped(money, carrier, tracking);
            case ALTERATION -> Resolution.alteration(money, time(promisedAt).orElseThrow().atZone(zone).toInstant());
            case AFTER_HOURS_VISIT -> Resolution.afterHoursVisit(money,
                    time(visitAt).orElseThrow().atZone(zone).toInstant());
            case LOST_AND_FOUND -> new Resolution(k, money, new ResolutionDetails.FoundItem(item));
            case ANSWERED -> Resolution.answered(money.currencyCode());
            case EXCHANGE, GOODWILL, LIFETIME_GUARANTEE -> Resolution.of(k, money);
        };
    }

    /** Kinds whose form asks what it cost; an answer costs nothing. */
    static boolean costed(ResolutionKind kind) {
        return kind != ResolutionKind.ANSWERED;
    }

    Optional<BigDecimal> amount() {
        if (cost.isEmpty()) {
            return Optional.empty();
        }
        String normal = cost.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        try {
            return Optional.of(new BigDecimal(normal));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> time(String value) {
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(LocalDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
