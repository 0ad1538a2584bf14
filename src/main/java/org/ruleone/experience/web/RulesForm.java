package org.ruleone.experience.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.ruleone.experience.SurveyRules;

/** The store's survey rules as the settings form sends them: text as typed, so a mistake is shown back. */
record RulesForm(Boolean afterCase, String afterCaseDelayHours, Boolean afterPurchase, String afterPurchaseDelayHours,
                 Boolean inStore, String cooldownDays, String quietFrom, String quietUntil, String reminders,
                 String reminderAfterDays, String expiryDays) implements java.io.Serializable {

    /** An unticked box is not sent at all. */
    RulesForm {
        afterCase = Boolean.TRUE.equals(afterCase);
        afterPurchase = Boolean.TRUE.equals(afterPurchase);
        inStore = Boolean.TRUE.equals(inStore);
    }

    static RulesForm of(SurveyRules r) {
        return new RulesForm(r.afterCase(), String.valueOf(r.afterCaseDelayHours()), r.afterPurchase(),
                String.valueOf(r.afterPurchaseDelayHours()), r.inStore(), String.valueOf(r.cooldownDays()),
                r.quietFrom().toString(), r.quietUntil().toString(), String.valueOf(r.reminders()),
                String.valueOf(r.reminderAfterDays()), String.valueOf(r.expiryDays()));
    }

    /** The rules, or empty when a number is out of its range or a time is not a time. */
    Optional<SurveyRules> rules(long storeId) {
        try {
            return Optional.of(new SurveyRules(storeId, afterCase, number(afterCaseDelayHours), afterPurchase,
                    number(afterPurchaseDelayHours), inStore, number(cooldownDays), time(quietFrom), time(quietUntil),
                    number(reminders), number(reminderAfterDays), number(expiryDays)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int number(String text) {
        return Integer.parseInt(text == null ? "" : text.strip());
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text == null ? "" : text.strip());
    }
}
