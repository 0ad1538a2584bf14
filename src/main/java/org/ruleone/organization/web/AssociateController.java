package org.ruleone.organization.web;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.EmailAlreadyUsedException;
import org.ruleone.organization.Organization;
import org.ruleone.organization.PasswordRules;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** People: a manager sees their store's associates; the owner adds, edits and deactivates them. */
@Controller
@RequestMapping("/associates")
class AssociateController {

    private final Organization organization;
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    AssociateController(Organization organization) {
        this.organization = organization;
    }

    @ModelAttribute("stores")
    Map<Long, StoreSummary> stores() {
        return organization.stores().stream()
                .collect(Collectors.toMap(StoreSummary::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER','MANAGER')")
    String list(@AuthenticationPrincipal SignedInAssociate me, Model model) {
        model.addAttribute("associates", organization.associates(me.storeScope()));
        return "organization/associates";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('OWNER')")
    String newAssociate(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        model.addAttribute("form", AssociateForm.empty(me.storeId(), Language.of(locale).code()));
        return "organization/associate-form";
    }

    @PostMapping
    @PreAuthorize("hasRole('OWNER')")
    String create(@Valid @ModelAttribute("form") AssociateForm form, BindingResult errors, RedirectAttributes flash) {
        checkStore(form, errors);
        PasswordRules.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        if (errors.hasErrors()) {
            return "organization/associate-form";
        }
        try {
            organization.createAssociate(form.draft(), form.password());
        } catch (EmailAlreadyUsedException e) {
            errors.rejectValue("email", "validation.email.taken");
            return "organization/associate-form";
        }
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/associates";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('OWNER')")
    String edit(@PathVariable long id, Model model) {
        AssociateSummary associate = find(id);
        model.addAttribute("associate", associate);
        model.addAttribute("form", AssociateForm.of(associate));
        return "organization/associate-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('OWNER')")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AssociateForm form, BindingResult errors,
                  Model model, RedirectAttributes flash, @AuthenticationPrincipal SignedInAssociate me,
                  HttpServletRequest request, HttpServletResponse response) {
        AssociateSummary associate = find(id);
        model.addAttribute("associate", associate);
        checkStore(form, errors);
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            PasswordRules.problem(form.password()).ifPresent(problem -> errors.rejectValue("password", problem));
        }
        if (errors.hasErrors()) {
            return "organization/associate-form";
        }
        try {
            organization.updateAssociate(id, form.draft());
        } catch (EmailAlreadyUsedException e) {
            errors.rejectValue("email", "validation.email.taken");
            return "organization/associate-form";
        }
        if (newPassword) {
            organization.setPassword(id, form.password());
        }
        if (id == me.id()) {
            staySignedInAsChanged(me, request, response);
        }
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/associates";
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('OWNER')")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        AssociateSummary associate = find(id);
        if (associate.id() == me.id()) {
            flash.addFlashAttribute("problem", "associates.cannotDeactivateSelf");
        } else {
            organization.deactivate(id);
            flash.addFlashAttribute("deactivated", associate.name());
        }
        return "redirect:/associates";
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasRole('OWNER')")
    String reactivate(@PathVariable long id) {
        find(id);
        organization.reactivate(id);
        return "redirect:/associates";
    }

    /**
     * The owner edited themselves: their other sessions were ended, and this one carries what they are now
     * (else the next request would find it out of date and sign them out).
     */
    private void staySignedInAsChanged(SignedInAssociate me, HttpServletRequest request, HttpServletResponse response) {
        organization.associate(me.id()).flatMap(a -> organization.signInDetails(a.email())).ifPresent(now -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessionContexts.saveContext(context, request, response);
        });
    }

    private AssociateSummary find(long id) {
        return organization.associate(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private void checkStore(AssociateForm form, BindingResult errors) {
        boolean needsStore = !Role.OWNER.name().equals(form.role());
        if (needsStore && (form.storeId() == null || organization.store(form.storeId()).isEmpty())) {
            errors.rejectValue("storeId", "validation.store.required");
        }
    }
}
