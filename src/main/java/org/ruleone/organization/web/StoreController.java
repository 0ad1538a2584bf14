package org.ruleone.organization.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The owner's list of stores and the form for one store. */
@Controller
@RequestMapping("/stores")
@PreAuthorize("hasRole('OWNER')")
class StoreController {

    private final Organization organization;

    StoreController(Organization organization) {
        this.organization = organization;
    }

    @ModelAttribute("timeZones")
    List<String> timeZones() {
        return SetupController.TimeZones.ALL;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("stores", organization.stores());
        return "organization/stores";
    }

    @GetMapping("/new")
    String newStore(Model model, Locale locale) {
        model.addAttribute("form", StoreForm.empty(Language.of(locale).code()));
        return "organization/store-form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") StoreForm form, BindingResult errors, RedirectAttributes flash) {
        StoreDraft draft = draft(form, errors);
        if (errors.hasErrors()) {
            return "organization/store-form";
        }
        try {
            organization.createStore(draft);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "validation.store.nameTaken");
            return "organization/store-form";
        }
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/stores";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        StoreSummary store = organization.store(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("storeId", id);
        model.addAttribute("form", StoreForm.of(store, organization.hours(id)));
        return "organization/store-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") StoreForm form, BindingResult errors,
                  Model model, RedirectAttributes flash) {
        organization.store(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("storeId", id);
        StoreDraft draft = draft(form, errors);
        if (errors.hasErrors()) {
            return "organization/store-form";
        }
        try {
            organization.updateStore(id, draft);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("name", "validation.store.nameTaken");
            return "organization/store-form";
        }
        flash.addFlashAttribute("saved", form.name());
        return "redirect:/stores";
    }

    private static StoreDraft draft(StoreForm form, BindingResult errors) {
        ZoneId zone = SetupController.TimeZones.parse(form.timeZone(), errors, "timeZone");
        List<BusinessHours> hours = form.hours(errors);
        return new StoreDraft(form.name(), form.address(), form.country(), zone,
                Language.fromCode(form.language()).orElse(Language.EN), hours);
    }
}
