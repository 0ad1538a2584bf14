package org.ruleone.service.web;

import java.time.LocalDate;
import java.util.Locale;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.IllegalCaseTransitionException;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.internal.LostAndFound;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's lost item reported on their case, and an item found in a store claimed as theirs.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseLostItemsController {

    private final CasePage page;
    private final LostAndFound lostAndFound;
    private final MessageSource messages;

    CaseLostItemsController(CasePage page, LostAndFound lostAndFound, MessageSource messages) {
        this.page = page;
        this.lostAndFound = lostAndFound;
        this.messages = messages;
    }

    @PostMapping("/lost")
    String reportLost(@PathVariable long id, @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String lostOn, @AuthenticationPrincipal SignedInAssociate me,
                      Model model, RedirectAttributes flash, Locale locale) {
        ServiceCase serviceCase = page.find(id, me);
        LocalDate day = null;
        String problem = null;
        try {
            day = LocalDate.parse(lostOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problem = "lost.error.date";
        }
        if (description.isBlank()) {
            problem = "lost.error.description";
        } else if (description.length() > 2000) {
            problem = "lost.error.description";
        }
        if (problem != null) {
            page.populate(serviceCase, me, model, locale);
            model.addAttribute("lostProblem", problem);
            model.addAttribute("lostTyped", description);
            model.addAttribute("lostOnTyped", lostOn);
            return "service/case";
        }
        lostAndFound.report(id, me.storeScope(), me.id(), description, day);
        flash.addFlashAttribute("notice", "lost.reported");
        return "redirect:/cases/" + id + "#lost";
    }

    @PostMapping("/found/{itemId}")
    String claim(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "") String judgment,
                 @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash, Locale locale) {
        page.find(id, me);
        String why = judgment.isBlank() ? messages.getMessage("lost.claim.defaultJudgment", null, locale) : judgment;
        try {
            if (!lostAndFound.claim(id, itemId, me.storeScope(), me.id(), why)) {
                flash.addFlashAttribute("problem", "lost.claim.gone");
            } else {
                flash.addFlashAttribute("notice", "lost.claimed");
            }
        } catch (IllegalCaseTransitionException e) {
            flash.addFlashAttribute("problem", "case.problem.resolved");
        }
        return "redirect:/cases/" + id;
    }
}
