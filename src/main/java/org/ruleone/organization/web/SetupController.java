package org.ruleone.organization.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.ruleone.organization.Organization;
import org.ruleone.organization.PasswordRules;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    SetupController(Organization organization, ApplicationEventPublisher events) {
        this.organization = organization;
        this.events = events;
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return TimeZones.ALL;
    }

    @GetMapping("/setup")
    String form(Model model, Locale locale) {
        model.addAttribute("form", SetupForm.empty(Language.of(locale)));
        return "organization/setup";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, Locale locale,
                 HttpServletRequest request, HttpServletResponse response) {
        PasswordRules.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        if (!form.passwordsMatch()) {
            errors.rejectValue("passwordAgain", "validation.password.mismatch");
        }
        ZoneId zone = TimeZones.parse(form.timeZone(), errors, "timeZone");
        if (errors.hasErrors()) {
            return "organization/setup";
        }
        organization.setUp(form.ownerName(), form.email(), form.password(),
                new StoreDraft(form.storeName(), form.storeAddress(), form.storeCountry(), zone,
                        form.storeLanguage(locale), StoreForm.DEFAULT_HOURS), Language.of(locale));
        signIn(form.email(), request, response);
        return "redirect:/?welcome";
    }

    /**
     * The owner has just proved who they are by choosing the password: sign them in as form login would, with a
     * new session id (no fixation) and a new CSRF token.
     */
    private void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        SignedInAssociate owner = organization.signInDetails(email).orElseThrow();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities());
        authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        sessionContexts.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
        events.publishEvent(new AuthenticationSuccessEvent(authentication)); // in the audit log like any sign-in
    }

    static final class TimeZones {
        static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted().toList();

        private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

        /** Only a zone the list offers (typed or picked); an offset or an abbreviation would not follow summer time. */
        static ZoneId parse(String value, BindingResult errors, String field) {
            String typed = value == null ? "" : value.strip();
            if (!KNOWN.contains(typed)) {
                errors.rejectValue(field, typed.isEmpty() ? "validation.timeZone" : "validation.timeZone.unknown",
                        new Object[] {typed}, null);
                return ZoneId.of("UTC");
            }
            return ZoneId.of(typed);
        }
    }
}
