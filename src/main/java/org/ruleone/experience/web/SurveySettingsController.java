package org.ruleone.experience.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ruleone.experience.SurveyRuleBook;
import org.ruleone.experience.SurveyWording;
import org.ruleone.experience.SurveyWordings;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The owner's survey settings: each store's rules (when a survey is asked, how often, quiet hours, reminders, expiry)
 * and the questions' wording per language, where saving makes a new version and the answers keep theirs.
 */
@Controller
@RequestMapping("/experience/settings")
@PreAuthorize("hasRole('OWNER')")
class SurveySettingsController {

    static final int MAX_WORDING = 500;

    private final SurveyRuleBook ruleBook;
    private final SurveyWordings wordings;
    private final Organization organization;

    SurveySettingsController(SurveyRuleBook ruleBook, SurveyWordings wordings, Organization organization) {
        this.ruleBook = ruleBook;
        this.wordings = wordings;
        this.organization = organization;
    }

    /** A wording form as typed, with the version it would replace. */
    record WordingForm(Language language, int version, String comeBack, String satisfactionHelp,
                       String satisfactionVisit, String commentPrompt) implements java.io.Serializable {

        static WordingForm of(SurveyWording w) {
            return new WordingForm(w.language(), w.version(), w.comeBack(), w.satisfactionHelp(),
                    w.satisfactionVisit(), w.commentPrompt());
        }

        boolean valid() {
            return List.of(comeBack, satisfactionHelp, satisfactionVisit, commentPrompt).stream()
                    .allMatch(t -> t != null && !t.isBlank() && t.strip().length() <= MAX_WORDING);
        }
    }

    @GetMapping
    String show(@RequestParam(required = false) Long store, @AuthenticationPrincipal SignedInAssociate me,
                Model model) {
        StoreSummary current = storeFor(me, store);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("store", current);
        if (!model.containsAttribute("rules")) {
            model.addAttribute("rules", RulesForm.of(ruleBook.of(current.id())));
        }
        WordingForm typed = (WordingForm) model.getAttribute("typedWording");
        model.addAttribute("wordings", Arrays.stream(Language.values())
                .map(l -> typed != null && typed.language() == l
                        ? new WordingForm(l, wordings.current(l).version(), typed.comeBack(), typed.satisfactionHelp(),
                                typed.satisfactionVisit(), typed.commentPrompt())
                        : WordingForm.of(wordings.current(l)))
                .toList());
        return "experience/settings";
    }

    @PostMapping("/rules")
    String saveRules(@RequestParam long store, @ModelAttribute("typedRules") RulesForm form,
                     @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        StoreSummary current = storeFor(me, store);
        Optional<org.ruleone.experience.SurveyRules> rules = form.rules(current.id());
        if (rules.isEmpty()) {
            // Shown again as typed, with what is wrong: nothing is saved.
            model.addAttribute("problem", "experience.settings.rules.invalid");
            model.addAttribute("rules", form);
            return show(current.id(), me, model);
        }
        ruleBook.save(rules.get(), me.id());
        flash.addFlashAttribute("notice", "experience.settings.rules.saved");
        return "redirect:/experience/settings?store=" + current.id() + "#rules";
    }

    @PostMapping("/wording")
    String saveWording(@RequestParam Language language, @RequestParam(required = false) Long store,
                       @RequestParam String comeBack, @RequestParam String satisfactionHelp,
                       @RequestParam String satisfactionVisit, @RequestParam String commentPrompt,
                       @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        WordingForm form = new WordingForm(language, 0, comeBack, satisfactionHelp, satisfactionVisit, commentPrompt);
        String back = "redirect:/experience/settings" + (store == null ? "" : "?store=" + store) + "#wording-"
                + language.code();
        if (!form.valid()) {
            model.addAttribute("problem", "experience.settings.wording.invalid");
            model.addAttribute("typedWording", form);
            return show(store, me, model);
        }
        SurveyWording saved = wordings.revise(language, comeBack, satisfactionHelp, satisfactionVisit, commentPrompt,
                me.id());
        flash.addFlashAttribute("notice", "experience.settings.wording.saved");
        flash.addFlashAttribute("noticeVersion", saved.version());
        return back;
    }

    private StoreSummary storeFor(SignedInAssociate me, Long wanted) {
        return organization.storeShownTo(me, wanted).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
