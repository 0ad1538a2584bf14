package org.ruleone.organization.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Role;
import org.ruleone.shared.Language;
import org.springframework.format.annotation.DateTimeFormat;

/** An associate's details; the password is only asked when creating one (or resetting it). */
record AssociateForm(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 200) String email,
        @NotBlank @Pattern(regexp = "OWNER|MANAGER|ASSOCIATE") String role,
        Long storeId,
        @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hireDate,
        @NotBlank @Pattern(regexp = "en|fr|pl") String language,
        String password) {

    static AssociateForm empty(Long storeId, String language) {
        return new AssociateForm("", "", Role.ASSOCIATE.name(), storeId, null, language, "");
    }

    static AssociateForm of(AssociateSummary a) {
        return new AssociateForm(a.name(), a.email(), a.role().name(), a.storeId(), a.hireDate(),
                a.language().code(), "");
    }

    AssociateDraft draft() {
        return new AssociateDraft(name, email, Role.valueOf(role), storeId, hireDate,
                Language.fromCode(language).orElse(Language.EN));
    }
}
