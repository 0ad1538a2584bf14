package org.ruleone.training.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.training.Feedback;
import org.ruleone.training.FeedbackOutcome;
import org.ruleone.training.Part;
import org.ruleone.training.RoleplaySession;
import org.ruleone.training.RoleplaySessions;
import org.ruleone.training.Scenarios;
import org.ruleone.training.SessionRefusedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Roleplay sessions: a manager sets one up; its page shows the scenario, who plays whom, the feedback form to the
 * watchers and the customer player, the reflection form to the played associate, and the feedback to those who may
 * read it (ADR 0106). A session one may not see is not found.
 */
@Controller
@RequestMapping("/training/sessions")
class SessionController {

    private final RoleplaySessions sessions;
    private final Scenarios scenarios;
    private final Organization organization;
    private final Names names;

    SessionController(RoleplaySessions sessions, Scenarios scenarios, Organization organization, Names names) {
        this.sessions = sessions;
        this.scenarios = scenarios;
        this.organization = organization;
        this.names = names;
    }

    @GetMapping("/new")
    String newSession(@RequestParam(required = false) Long scenario, @RequestParam(required = false) Long store,
                      @AuthenticationPrincipal SignedInAssociate me, Model model) {
        mustRun(me);
        Long storeId = organization.storeShownTo(me, store).map(StoreSummary::id).orElse(null);
        return form(new SessionForm(scenario, storeId, null, null, null, List.of()), me, model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") SessionForm form, @AuthenticationPrincipal SignedInAssociate me, Model model,
                  RedirectAttributes flash) {
        mustRun(me);
        if (!form.complete()) {
            return form(form, me, model, "training.session.refused.incomplete");
        }
        try {
            long id = sessions.setUp(form.draft(), me);
            flash.addFlashAttribute("saved", "training.session.setUp");
            return "redirect:/training/sessions/" + id;
        } catch (SessionRefusedException refused) {
            return form(form, me, model, refused.reason());
        }
    }

    private String form(SessionForm form, SignedInAssociate me, Model model, String problem) {
        model.addAttribute("form", form);
        model.addAttribute("watching", form.watchers() == null ? List.of() : form.watchers());
        model.addAttribute("problem", problem);
        model.addAttribute("scenarios", scenarios.all());
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("people", form.storeId() == null ? List.of() : organization
                .associates(Optional.of(form.storeId())).stream().filter(AssociateSummary::active).toList());
        return "training/session-form";
    }

    @GetMapping("/{id}")
    String session(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        RoleplaySession session = visible(id, me);
        Part part = session.partOf(me.id());
        List<Feedback> feedback = sessions.feedbackSeenBy(session, me);
        model.addAttribute("roleplay", session);
        model.addAttribute("scenario", scenarios.find(session.scenarioId()).orElse(null));
        model.addAttribute("part", part);
        Map<Long, String> everyone = names.everyone();
        model.addAttribute("names", everyone);
        model.addAttribute("watcherNames", String.join(", ", session.watchers().stream()
                .map(w -> everyone.getOrDefault(w, "#" + w)).toList()));
        model.addAttribute("held", session.heldBy(sessions.today(session.storeId())));
        model.addAttribute("mayRun", RoleplaySessions.mayRun(session, me));
        model.addAttribute("scores", part == Part.WATCHER || part == Part.CUSTOMER);
        model.addAttribute("feedback", feedback);
        model.addAttribute("mine", feedback.stream().filter(f -> f.scorerId() == me.id()).findFirst().orElse(null));
        model.addAttribute("seesReflection", part == Part.ASSOCIATE || RoleplaySessions.mayRun(session, me));
        return "training/session";
    }

    @PostMapping("/{id}/feedback")
    String feedback(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                    @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        RoleplaySession session = visible(id, me);
        Map<Integer, Integer> scores = new HashMap<>();
        for (var criterion : session.rubric()) {
            String value = params.getFirst("score" + criterion.position());
            if (value != null && value.strip().matches("\\d")) {
                scores.put(criterion.position(), Integer.parseInt(value.strip()));
            }
        }
        FeedbackOutcome outcome = sessions.giveFeedback(id, me, scores, params.getFirst("comment"));
        return after(id, outcome, flash);
    }

    @PostMapping("/{id}/reflection")
    String reflect(@PathVariable long id, @RequestParam(required = false) String reflection,
                   @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        visible(id, me);
        return after(id, sessions.reflect(id, me, reflection), flash);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        visible(id, me);
        if (!sessions.close(id, me)) {
            throw new ResponseStatusException(FORBIDDEN);
        }
        flash.addFlashAttribute("saved", "training.session.closedNotice");
        return "redirect:/training/sessions/" + id;
    }

    private static String after(long id, FeedbackOutcome outcome, RedirectAttributes flash) {
        if (outcome == FeedbackOutcome.SAVED) {
            flash.addFlashAttribute("saved", "training.feedback.saved");
        } else {
            flash.addFlashAttribute("problem", "training.feedback.outcome." + outcome.name());
        }
        return "redirect:/training/sessions/" + id;
    }

    private RoleplaySession visible(long id, SignedInAssociate me) {
        return sessions.find(id, me).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private static void mustRun(SignedInAssociate me) {
        if (!me.isManagerOrOwner()) {
            throw new ResponseStatusException(FORBIDDEN);
        }
    }
}
