package org.ruleone.organization.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.ruleone.organization.Organization;
import org.ruleone.organization.PasswordRules;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** First run: there is no default password, so the owner creates their account and first store here. */
@Controller
class SetupController {

    private final Organization organization;

    SetupController(Organization organization) {
        this.organization = organization;
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return TimeZones.ALL;
    }

    @GetMapping("/setup")
    String form(Model model) {
        model.addAttribute("form", SetupForm.empty());
        return "organization/setup";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, Locale locale) {
        PasswordRules.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        if (!form.passwordsMatch()) {
            errors.rejectValue("passwordAgain", "validation.password.mismatch");
        }
        ZoneId zone = TimeZones.parse(form.timeZone(), errors, "timeZone");
        if (errors.hasErrors()) {
            return "organization/setup";
        }
        Language language = Language.of(locale);
        organization.setUp(form.ownerName(), form.email(), form.password(),
                new StoreDraft(form.storeName(), form.storeAddress(), form.storeCountry(), zone, language,
                        StoreForm.DEFAULT_HOURS), language);
        return "redirect:/login?ready";
    }

    static final class TimeZones {
        static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted().toList();

        static ZoneId parse(String value, BindingResult errors, String field) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException | NullPointerException e) {
                errors.rejectValue(field, "validation.timeZone");
                return ZoneId.of("UTC");
            }
        }
    }
}
