package org.ruleone.customers;

/**
 * A headline figure on the client page, such as lifetime spend.
 *
 * @param labelKey message key of the label
 * @param value    the formatted value
 */
public record ClientFigure(String labelKey, String value) {
}
