package org.ruleone.service.web;

import java.util.Locale;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.IllegalCaseTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conversation of a case: replies to the client and internal notes; with htmx the conversation fragment,
 * without it the page.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseConversationController {

    private final CasePage page;
    private final CaseDesk desk;

    CaseConversationController(CasePage page, CaseDesk desk) {
        this.page = page;
        this.desk = desk;
    }

    @PostMapping("/replies")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "false") boolean waiting,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale) {
        page.find(id, me);
        String problem = null;
        if (body.isBlank()) {
            problem = "case.reply.empty";
        } else {
            try {
                desk.reply(id, me.storeScope(), me.id(), body, waiting);
            } catch (IllegalCaseTransitionException e) {
                problem = "case.problem.resolved";
            } catch (OptimisticLockingFailureException e) {
                problem = "case.problem.changed";
            }
        }
        // "Reply sent" only when it is true: a reply mailed into an outbox that is not sending says so instead
        // (the page shows the outbox's words while the case's mail waits).
        String notice = problem != null || page.mailDelay(id, locale).isPresent() ? null : "case.replied";
        return conversation(id, me, model, flash, locale, htmx, problem, "reply", body, notice);
    }

    @PostMapping("/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale) {
        page.find(id, me);
        String problem = null;
        if (body.isBlank()) {
            problem = "case.note.empty";
        } else {
            try {
                desk.note(id, me.storeScope(), me.id(), body);
            } catch (OptimisticLockingFailureException e) {
                problem = "case.problem.changed";
            }
        }
        return conversation(id, me, model, flash, locale, htmx, problem, "note", body, problem == null ? "case.noted" : null);
    }

    /** With htmx the conversation fragment comes back (with what was typed when refused); without, the page. */
    private String conversation(long id, SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale,
                                String htmx, String problem, String form, String typed, String notice) {
        if (htmx != null) {
            page.populate(page.find(id, me), me, model, locale);
            model.addAttribute("conversationProblem", problem);
            model.addAttribute("conversationNotice", notice);
            model.addAttribute(form + "Typed", problem == null ? "" : typed);
            return "service/case :: conversation";
        }
        if (problem != null) {
            page.populate(page.find(id, me), me, model, locale);
            model.addAttribute("conversationProblem", problem);
            model.addAttribute(form + "Typed", typed);
            return "service/case";
        }
        if (notice != null) {
            flash.addFlashAttribute("notice", notice);
        }
        return "redirect:/cases/" + id + "#conversation";
    }
}
