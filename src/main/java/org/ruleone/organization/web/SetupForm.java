package org.ruleone.organization.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SetupForm(
        @NotBlank @Size(max = 120) String ownerName,
        @NotBlank @Email @Size(max = 200) String email,
        String password,
        String passwordAgain,
        @NotBlank @Size(max = 120) String storeName,
        @Size(max = 500) String storeAddress,
        @Size(max = 80) String storeCountry,
        @NotBlank String timeZone) {

    static SetupForm empty() {
        return new SetupForm("", "", "", "", "", "", "", "Europe/London");
    }

    boolean passwordsMatch() {
        return password != null && password.equals(passwordAgain);
    }
}
