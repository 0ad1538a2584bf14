package org.ruleone.service.web;

import java.util.Locale;
import java.util.Map;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.AlterationStatus;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.IllegalCaseTransitionException;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.internal.StoreCurrency;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resolution form of a case, which any associate of the store may use, and the progress of an alteration.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseResolutionController {

    private final CasePage page;
    private final CaseDesk desk;
    private final Organization organization;

    CaseResolutionController(CasePage page, CaseDesk desk, Organization organization) {
        this.page = page;
        this.desk = desk;
        this.organization = organization;
    }

    @PostMapping("/resolution")
    String resolve(@PathVariable long id, @ModelAttribute ResolveForm form,
                   @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash,
                   Locale locale) {
        ServiceCase serviceCase = page.find(id, me);
        StoreSummary store = organization.store(serviceCase.storeId()).orElseThrow();
        Map<String, String> problems = new java.util.LinkedHashMap<>(form.problems(store.timeZone()));
        if (problems.isEmpty()) {
            try {
                desk.resolve(id, me.storeScope(), me.id(), form.resolution(store.timeZone(), StoreCurrency.of(store)),
                        form.judgment());
                flash.addFlashAttribute("notice", "case.resolved");
                return "redirect:/cases/" + id;
            } catch (IllegalCaseTransitionException e) {
                problems.put("kind", "case.problem.resolved");
            } catch (OptimisticLockingFailureException e) {
                problems.put("kind", "case.problem.changed");
            } catch (IllegalArgumentException e) {
                problems.put("kind", "resolve.error.invalid");
            }
        }
        page.populate(serviceCase, me, model, locale);
        model.addAttribute("resolveForm", form);
        model.addAttribute("resolveProblems", problems);
        return "service/case";
    }

    @PostMapping("/alterations/{resolutionId}")
    String progressAlteration(@PathVariable long id, @PathVariable long resolutionId,
                              @RequestParam AlterationStatus status, @AuthenticationPrincipal SignedInAssociate me,
                              RedirectAttributes flash) {
        page.find(id, me);
        try {
            desk.progressAlteration(id, me.storeScope(), me.id(), resolutionId, status);
            flash.addFlashAttribute("notice", "alteration.now." + status.name());
        } catch (IllegalStateException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "alteration.problem");
        }
        return "redirect:/cases/" + id + "#resolutions";
    }
}
