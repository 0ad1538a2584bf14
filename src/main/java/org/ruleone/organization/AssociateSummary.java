package org.ruleone.organization;

import java.time.LocalDate;

public record AssociateSummary(long id, String name, String email, Role role, Long storeId, LocalDate hireDate,
                               boolean active) {
}
