package org.ruleone.experience.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.MysteryVisitDraft;

/** The schedule form as typed: every field a string, so a refused form comes back exactly as it was written. */
record MysteryVisitForm(String storeId, String department, String targetKind, String businessName,
                        String windowFrom, String windowTo, String scenario, String checklistVersionId,
                        String shopperId) {

    MysteryVisitForm {
        storeId = text(storeId);
        department = text(department);
        targetKind = targetKind == null || targetKind.isBlank() ? MysteryVisit.OWN_STORE : targetKind;
        businessName = text(businessName);
        windowFrom = text(windowFrom);
        windowTo = text(windowTo);
        scenario = text(scenario);
        checklistVersionId = text(checklistVersionId);
        shopperId = text(shopperId);
    }

    /** The same form with one more line of scenario, as a suggestion adds it. */
    MysteryVisitForm withScenarioLine(String line) {
        String joined = scenario.isBlank() ? line : scenario.stripTrailing() + "\n" + line;
        return new MysteryVisitForm(storeId, department, targetKind, businessName, windowFrom, windowTo, joined,
                checklistVersionId, shopperId);
    }

    Long store() {
        return MysteryShopperForm.number(storeId);
    }

    /** The draft for the API; what cannot even be read is put in {@code problems}. */
    MysteryVisitDraft draft(long store, Map<String, String> problems) {
        LocalDate from = date(windowFrom, "windowFrom", problems);
        LocalDate to = date(windowTo, "windowTo", problems);
        Long version = MysteryShopperForm.number(checklistVersionId);
        Long shopper = MysteryShopperForm.number(shopperId);
        return new MysteryVisitDraft(store, department, targetKind, businessName, from, to, scenario,
                version == null ? 0 : version, shopper == null ? 0 : shopper);
    }

    private static LocalDate date(String value, String field, Map<String, String> problems) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "experience.mystery.visit.error.date");
            return null;
        }
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
