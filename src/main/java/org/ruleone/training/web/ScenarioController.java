package org.ruleone.training.web;

import java.util.List;
import java.util.Locale;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.training.RoleplaySessions;
import org.ruleone.training.Scenario;
import org.ruleone.training.ScenarioDraft;
import org.ruleone.training.ScenarioOrigin;
import org.ruleone.training.Scenarios;
import org.ruleone.training.internal.CaseScenarios;
import org.ruleone.training.internal.DefaultRubric;
import org.ruleone.training.internal.LegendScenarios;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * The training home at {@code /training} (the scenario library and the sessions one may see) and the scenario
 * screens: everyone reads; a manager or the owner writes, by hand, from a legend or from a case (ADR 0106).
 */
@Controller
@RequestMapping("/training")
class ScenarioController {

    static final int SESSIONS_SHOWN = 50;

    private final Scenarios scenarios;
    private final RoleplaySessions sessions;
    private final CaseScenarios fromCases;
    private final LegendScenarios fromLegends;
    private final DefaultRubric defaultRubric;
    private final Names names;

    ScenarioController(Scenarios scenarios, RoleplaySessions sessions, CaseScenarios fromCases,
                       LegendScenarios fromLegends, DefaultRubric defaultRubric, Names names) {
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.fromCases = fromCases;
        this.fromLegends = fromLegends;
        this.defaultRubric = defaultRubric;
        this.names = names;
    }

    @GetMapping
    String home(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        model.addAttribute("scenarios", scenarios.all());
        model.addAttribute("sessions", sessions.visibleTo(me, SESSIONS_SHOWN));
        model.addAttribute("names", names.everyone());
        model.addAttribute("mayWrite", Scenarios.mayWrite(me));
        model.addAttribute("legends", Scenarios.mayWrite(me) ? fromLegends.library(locale) : List.of());
        return "training/home";
    }

    @GetMapping("/scenarios/{id}")
    String scenario(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Scenario scenario = scenarios.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("scenario", scenario);
        model.addAttribute("mayEdit", Scenarios.mayEdit(scenario, me));
        model.addAttribute("mayRun", me.isManagerOrOwner());
        return "training/scenario";
    }

    /** A new scenario: blank, or prefilled from a case ({@code fromCase}) or a legend ({@code fromLegend}). */
    @GetMapping("/scenarios/new")
    String newScenario(@RequestParam(required = false) Long fromCase, @RequestParam(required = false) Long fromLegend,
                       @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        mustWrite(me);
        ScenarioDraft draft;
        if (fromCase != null) {
            draft = fromCases.draft(fromCase, me, locale).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        } else if (fromLegend != null) {
            draft = fromLegends.draft(fromLegend, locale).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        } else {
            draft = new ScenarioDraft("", "", "", "", ScenarioOrigin.HAND, null, defaultRubric.criteria(locale));
        }
        model.addAttribute("form", ScenarioForm.of(draft));
        model.addAttribute("problems", List.of());
        return "training/scenario-form";
    }

    @PostMapping("/scenarios")
    String create(@ModelAttribute("form") ScenarioForm form, @AuthenticationPrincipal SignedInAssociate me,
                  Model model, RedirectAttributes flash) {
        mustWrite(me);
        ScenarioDraft draft = form.draft();
        List<String> problems = Scenarios.problems(draft);
        if (!problems.isEmpty()) {
            model.addAttribute("form", form.padded());
            model.addAttribute("problems", problems);
            return "training/scenario-form";
        }
        long id = scenarios.create(draft, me);
        flash.addFlashAttribute("saved", true);
        return "redirect:/training/scenarios/" + id;
    }

    @GetMapping("/scenarios/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Scenario scenario = editable(id, me);
        model.addAttribute("scenario", scenario);
        model.addAttribute("form", ScenarioForm.of(scenario.draft()));
        model.addAttribute("problems", List.of());
        return "training/scenario-form";
    }

    @PostMapping("/scenarios/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ScenarioForm form,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        Scenario scenario = editable(id, me);
        ScenarioDraft draft = form.draft();
        List<String> problems = Scenarios.problems(draft);
        if (!problems.isEmpty()) {
            model.addAttribute("scenario", scenario);
            model.addAttribute("form", form.padded());
            model.addAttribute("problems", problems);
            return "training/scenario-form";
        }
        scenarios.update(id, draft, me);
        flash.addFlashAttribute("saved", true);
        return "redirect:/training/scenarios/" + id;
    }

    private Scenario editable(long id, SignedInAssociate me) {
        return scenarios.find(id).filter(s -> Scenarios.mayEdit(s, me))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private static void mustWrite(SignedInAssociate me) {
        if (!Scenarios.mayWrite(me)) {
            throw new ResponseStatusException(FORBIDDEN);
        }
    }
}
