package org.ruleone.experience;

import java.time.LocalDate;

/**
 * A visit as a manager schedules it: for a store, a department (free text, may be blank), a target (OWN_STORE or the
 * kind of another business, with its name), a window of dates, what the shopper should do, the current version of
 * a checklist, and one of the store's active shoppers.
 */
public record MysteryVisitDraft(long storeId, String department, String targetKind, String businessName,
                                LocalDate windowFrom, LocalDate windowTo, String scenario, long checklistVersionId,
                                long shopperId) {
}
