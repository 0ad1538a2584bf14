package org.ruleone.organization;

import java.time.LocalDate;

import org.ruleone.shared.Language;

public record AssociateSummary(long id, String name, String email, Role role, Long storeId, LocalDate hireDate,
                               Language language, boolean active) {
}
