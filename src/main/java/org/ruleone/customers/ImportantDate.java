package org.ruleone.customers;

import java.time.MonthDay;

/**
 * A date worth remembering for a client; the year is often unknown.
 *
 * @param label a client-specific name, required for {@link DateKind#CUSTOM}, empty otherwise
 * @param year  may be {@code null}
 */
public record ImportantDate(DateKind kind, String label, MonthDay monthDay, Integer year) {

    public ImportantDate {
        label = label == null ? "" : label.strip();
    }
}
