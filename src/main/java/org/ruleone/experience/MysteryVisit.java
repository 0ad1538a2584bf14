package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A mystery visit as stored (V121): where, when, by whom, what it asks, and where it stands. */
public record MysteryVisit(long id, long storeId, String department, String targetKind, String businessName,
                           LocalDate windowFrom, LocalDate windowTo, String scenario, long checklistVersionId,
                           long shopperId, MysteryVisitStatus status, Instant expiresAt, long scheduledBy,
                           Instant scheduledAt, Instant visitedAt, String stoodOut, Instant submittedAt,
                           String returnQuestion, Instant returnedAt, Instant acceptedAt, Long acceptedBy,
                           BigDecimal earned, BigDecimal possible, BigDecimal score, boolean flagged,
                           String rewardKind, BigDecimal rewardAmount, String rewardCurrency, String rewardGift,
                           Instant rewardPaidAt, Long rewardPaidBy, Instant updatedAt) {

    public static final String OWN_STORE = "OWN_STORE";

    /** Whether this visit is to one of our stores (else to another business, to compare with). */
    public boolean ownStore() {
        return OWN_STORE.equals(targetKind);
    }
}
