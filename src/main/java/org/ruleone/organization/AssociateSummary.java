package org.ruleone.organization;

import java.time.LocalDate;

import org.ruleone.shared.Language;

public record AssociateSummary(long id, String name, String email, Role role, Long storeId, LocalDate hireDate,
                               Language language, boolean active) {

    /** Whether this person may act in this store, as {@link Organization#mayActIn} rules. */
    public boolean mayActIn(long store) {
        return Organization.mayActIn(role, storeId, active, store);
    }

    /**
     * Whether this person may act in this store as one of its own people, which is all a store's API token may
     * speak for: an owner only for the store they work in, as anyone else.
     */
    public boolean mayActAsOneOf(long store) {
        return mayActIn(store) && storeId != null && storeId == store;
    }
}
