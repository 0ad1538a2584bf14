package org.ruleone.organization;

import java.time.LocalDate;

import org.ruleone.shared.Language;

public record AssociateDraft(String name, String email, Role role, Long storeId, LocalDate hireDate,
                             Language language) {

    public AssociateDraft {
        if (role != Role.OWNER && storeId == null) {
            throw new IllegalArgumentException("a manager or an associate belongs to a store");
        }
    }
}
