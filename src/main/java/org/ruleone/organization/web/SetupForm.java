package org.ruleone.organization.web;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ruleone.shared.Language;

record SetupForm(
        @NotBlank @Size(max = 120) String ownerName,
        @NotBlank @Email @Size(max = 200) String email,
        String password,
        String passwordAgain,
        @NotBlank @Size(max = 120) String storeName,
        @Size(max = 500) String storeAddress,
        @Size(max = 80) String storeCountry,
        String timeZone,
        String language) {

    /** The time zone is left empty for the browser to fill in (app.js); the store speaks the visitor's language. */
    static SetupForm empty(Language language) {
        return new SetupForm("", "", "", "", "", "", "", "", language.code());
    }

    Language storeLanguage(Locale fallback) {
        return Language.fromCode(language).orElse(Language.of(fallback));
    }

    boolean passwordsMatch() {
        return password != null && password.equals(passwordAgain);
    }
}
