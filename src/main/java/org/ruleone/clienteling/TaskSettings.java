package org.ruleone.clienteling;

/**
 * How a store's tasks are generated.
 *
 * @param followUpDays  a follow-up this many days after a purchase; {@code null}: no follow-ups (the default)
 * @param lapsedDays    a reminder when a client has bought nothing for this many days; {@code null}: none (the default)
 * @param dateLeadDays  birthday and anniversary tasks appear this many days ahead (default 7)
 */
public record TaskSettings(long storeId, Integer followUpDays, Integer lapsedDays, int dateLeadDays) {

    public static final int DEFAULT_DATE_LEAD_DAYS = 7;

    public static TaskSettings defaults(long storeId) {
        return new TaskSettings(storeId, null, null, DEFAULT_DATE_LEAD_DAYS);
    }
}
