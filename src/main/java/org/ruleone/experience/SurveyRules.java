package org.ruleone.experience;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When one store asks for a survey, owner-editable (issue 11, item 2). A store without saved rules uses
 * {@link #defaults}: after a resolved case and after a purchase, 24 hours later; never twice within 30 days; never
 * between 21:00 and 08:00 in the store's time zone; one reminder after 3 days; a link expires after 30 days.
 */
public record SurveyRules(long storeId, boolean afterCase, int afterCaseDelayHours, boolean afterPurchase,
                          int afterPurchaseDelayHours, boolean inStore, int cooldownDays, LocalTime quietFrom,
                          LocalTime quietUntil, int reminders, int reminderAfterDays, int expiryDays) {

    public SurveyRules {
        check(afterCaseDelayHours, 0, 720, "afterCaseDelayHours");
        check(afterPurchaseDelayHours, 0, 720, "afterPurchaseDelayHours");
        check(cooldownDays, 0, 365, "cooldownDays");
        check(reminders, 0, 2, "reminders");
        check(reminderAfterDays, 1, 30, "reminderAfterDays");
        check(expiryDays, 1, 365, "expiryDays");
        if (quietFrom == null || quietUntil == null) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
    }

    public static SurveyRules defaults(long storeId) {
        return new SurveyRules(storeId, true, 24, true, 24, true, 30, LocalTime.of(21, 0), LocalTime.of(8, 0), 1, 3,
                30);
    }

    /** Whether this trigger is on; the API is asked for explicitly and always on. */
    public boolean asksAfter(SurveyChannel trigger) {
        return switch (trigger) {
            case CASE_RESOLVED -> afterCase;
            case PURCHASE -> afterPurchase;
            case IN_STORE -> inStore;
            case API, IMPORT -> true;
        };
    }

    /** When a survey for this trigger, caused at {@code at}, is due. */
    public Instant dueAfter(SurveyChannel trigger, Instant at) {
        int hours = trigger == SurveyChannel.CASE_RESOLVED ? afterCaseDelayHours
                : trigger == SurveyChannel.PURCHASE ? afterPurchaseDelayHours : 0;
        return at.plus(Duration.ofHours(hours));
    }

    /**
     * The end of the quiet hours {@code at} falls in, in the store's zone; {@code at} itself when it is not quiet.
     * Quiet hours may run past midnight (21:00–08:00); equal start and end mean none.
     */
    public Instant notQuiet(Instant at, ZoneId zone) {
        if (quietFrom.equals(quietUntil)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = quietFrom.isAfter(quietUntil);
        boolean quiet = overnight ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(quietUntil).atZone(zone);
        return end.isAfter(local) ? end.toInstant() : end.plusDays(1).toInstant();
    }

    private static void check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
    }
}
