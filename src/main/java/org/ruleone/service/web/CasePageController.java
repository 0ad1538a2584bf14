package org.ruleone.service.web;

import java.util.Locale;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.IllegalCaseTransitionException;
import org.ruleone.service.ServiceCase;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's page, and who owns the case and whether it is open again. The page's forms are served beside it: the
 * conversation ({@link CaseConversationController}), the resolution ({@link CaseResolutionController}), files
 * ({@link CaseAttachmentsController}) and lost items ({@link CaseLostItemsController}).
 */
@Controller
@RequestMapping("/cases/{id}")
class CasePageController {

    private final CasePage page;
    private final CaseDesk desk;

    CasePageController(CasePage page, CaseDesk desk) {
        this.page = page;
        this.desk = desk;
    }

    @GetMapping
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        ServiceCase serviceCase = page.find(id, me);
        page.populate(serviceCase, me, model, locale);
        return "service/case";
    }

    @PostMapping("/owner")
    String assign(@PathVariable long id, @RequestParam(required = false) Long ownerId,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        page.find(id, me);
        try {
            if (ownerId == null || !desk.assign(id, me.storeScope(), me.id(), ownerId)) {
                flash.addFlashAttribute("problem", "case.assign.invalid");
            } else {
                flash.addFlashAttribute("notice", "case.assigned");
            }
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "case.assign.invalid");
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        page.find(id, me);
        try {
            desk.reopen(id, me.storeScope(), me.id());
            flash.addFlashAttribute("notice", "case.reopened");
        } catch (IllegalCaseTransitionException e) {
            flash.addFlashAttribute("problem", "case.problem.notResolved");
        }
        return "redirect:/cases/" + id;
    }
}
