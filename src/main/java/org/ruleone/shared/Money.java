package org.ruleone.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in one currency. Two amounts add, subtract and compare only in the same currency: mixing euros and
 * dollars throws {@link CurrencyMismatchException} instead of giving a sum that means nothing. The amount keeps at
 * least the currency's usual decimals (12 EUR is 12.00 EUR), so equal amounts are equal records. Formatting is
 * the screens' business ({@code platform.Formats#money(Money)}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() < digits) {
            amount = amount.setScale(digits);
        }
    }

    /**
     * @param code an ISO 4217 code such as "EUR" (upper case, as stored)
     * @throws IllegalArgumentException when the code is not a known ISO 4217 currency
     */
    public static Money of(BigDecimal amount, String code) {
        return new Money(amount, currency(code));
    }

    public static Money of(String amount, String code) {
        return of(new BigDecimal(amount), code);
    }

    public static Money zero(String code) {
        return of(BigDecimal.ZERO, code);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The currency of an ISO 4217 code; refuses lower case, blanks and codes that are not currencies. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code, e);
        }
    }

    /** Whether the code is a currency {@link #currency(String)} accepts. */
    public static boolean isCurrency(String code) {
        try {
            currency(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "EUR". */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other, "add").amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other, "subtract").amount), currency);
    }

    /** -1, 0 or 1 as the amount is below, at or above nothing (not a bean property, so JSON stays two fields). */
    public int signum() {
        return amount.signum();
    }

    /** Orders amounts of one currency; comparing two currencies throws {@link CurrencyMismatchException}. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other, "compare").amount);
    }

    private Money same(Money other, String what) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(what, this, other);
        }
        return other;
    }

    /** "12.00 EUR": for logs and messages to developers, never for screens. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currencyCode();
    }

    /** Two amounts in different currencies were to be added, subtracted or compared. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {

        CurrencyMismatchException(String what, Money left, Money right) {
            super(String.format(Locale.ROOT, "Cannot %s %s and %s: amounts in two currencies do not mix", what,
                    left, right));
        }
    }
}
