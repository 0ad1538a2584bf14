package org.ruleone.experience.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryRefused;
import org.ruleone.experience.MysteryScheduling;
import org.ruleone.experience.MysteryShopper;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.MysteryVisitStatus;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
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

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The mystery visits as a manager schedules them: the list (their store's, or every store's for the owner), the
 * form to schedule one, and giving a visit to another shopper, cancelling it or mailing its link again. The visit's
 * own page, {@code /experience/mystery/visits/{id}}, is the review's; {@code from=visit} on an action brings the
 * person back there.
 */
@Controller
@RequestMapping("/experience/mystery/visits")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryVisitsController {

    static final int SHOWN = 200;
    static final List<String> SCENARIO_SUGGESTIONS = List.of("size", "call", "return", "gift", "browse");

    private final MysteryScheduling scheduling;
    private final MysteryShoppers shoppers;
    private final MysteryChecklists checklists;
    private final Organization organization;
    private final MessageSource messages;

    MysteryVisitsController(MysteryScheduling scheduling, MysteryShoppers shoppers, MysteryChecklists checklists,
                            Organization organization, MessageSource messages) {
        this.scheduling = scheduling;
        this.shoppers = shoppers;
        this.checklists = checklists;
        this.organization = organization;
        this.messages = messages;
    }

    record VisitRow(long id, String window, String store, String targetKind, String where, String shopper,
                    MysteryVisitStatus status, java.math.BigDecimal score, boolean flagged, boolean open,
                    List<MysteryShopper> others) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @AuthenticationPrincipal SignedInAssociate me,
                Model model, Locale locale) {
        Optional<MysteryVisitStatus> wanted = Optional.ofNullable(MysteryShopperForm.parse(MysteryVisitStatus.class,
                status));
        Formats fmt = Formats.of(locale);
        Map<Long, String> stores = new HashMap<>();
        organization.storesVisibleTo(me).forEach(s -> stores.put(s.id(), s.name()));
        Map<Long, String> names = new HashMap<>();
        shoppers.list(me.storeScope()).forEach(s -> names.put(s.id(), s.name()));
        Map<Long, List<MysteryShopper>> active = new HashMap<>();
        model.addAttribute("rows", scheduling.list(me.storeScope(), wanted, SHOWN).stream().map(v -> {
            boolean open = v.status().openToShopper();
            List<MysteryShopper> others = !open ? List.of() : active.computeIfAbsent(v.storeId(), shoppers::active)
                    .stream().filter(s -> s.id() != v.shopperId()).toList();
            return new VisitRow(v.id(), fmt.date(v.windowFrom()) + " – " + fmt.date(v.windowTo()),
                    stores.getOrDefault(v.storeId(), ""), v.targetKind(),
                    v.ownStore() ? v.department() : v.businessName(), names.getOrDefault(v.shopperId(), ""),
                    v.status(), v.score(), v.flagged(), open, others);
        }).toList());
        model.addAttribute("statuses", MysteryVisitStatus.values());
        model.addAttribute("status", wanted.map(Enum::name).orElse(""));
        model.addAttribute("showStore", me.isOwner());
        return "experience/mystery/visits";
    }

    @GetMapping("/new")
    String form(@ModelAttribute("form") MysteryVisitForm form, @RequestParam(required = false) String store,
                @RequestParam(required = false) String suggest, @AuthenticationPrincipal SignedInAssociate me,
                Model model, Locale locale) {
        MysteryVisitForm shown = form;
        if (shown.storeId().isBlank()) {
            Long wanted = MysteryShopperForm.number(store);
            StoreSummary s = organization.storeShownTo(me, wanted).orElseThrow(() -> new ResponseStatusException(
                    NOT_FOUND));
            shown = new MysteryVisitForm(String.valueOf(s.id()), form.department(), form.targetKind(),
                    form.businessName(), form.windowFrom(), form.windowTo(), form.scenario(),
                    form.checklistVersionId(), form.shopperId());
        }
        if (suggest != null && SCENARIO_SUGGESTIONS.contains(suggest)) {
            shown = shown.withScenarioLine(messages.getMessage("experience.mystery.visit.scenario.suggest." + suggest,
                    null, locale));
        }
        return formPage(shown, Map.of(), me, model);
    }

    @PostMapping
    String schedule(@ModelAttribute("form") MysteryVisitForm form, @AuthenticationPrincipal SignedInAssociate me,
                    Model model, RedirectAttributes flash) {
        Map<String, String> problems = new LinkedHashMap<>();
        long store = me.storeScope().orElse(form.store() == null ? 0L : form.store());
        var draft = form.draft(store, problems);
        scheduling.problems(draft, me.storeScope()).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                scheduling.schedule(draft, me.storeScope(), me.id());
                flash.addFlashAttribute("notice", "experience.mystery.visit.scheduled");
                return "redirect:/experience/mystery/visits";
            } catch (MysteryRefused e) {
                problems.putAll(e.problems());
            }
        }
        return formPage(form, problems, me, model);
    }

    @PostMapping("/{id}/reassign")
    String reassign(@PathVariable long id, @RequestParam(required = false) String shopperId,
                    @RequestParam(required = false) String from, @AuthenticationPrincipal SignedInAssociate me,
                    RedirectAttributes flash) {
        Long shopper = MysteryShopperForm.number(shopperId);
        return act(id, from, flash, "experience.mystery.visit.reassigned",
                () -> scheduling.reassign(id, shopper == null ? 0 : shopper, me.storeScope(), me.id()));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String from,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        return act(id, from, flash, "experience.mystery.visit.cancelled",
                () -> scheduling.cancel(id, me.storeScope()));
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable long id, @RequestParam(required = false) String from,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        return act(id, from, flash, "experience.mystery.visit.resent",
                () -> scheduling.resend(id, me.storeScope(), me.id()));
    }

    /** Does it, or says why not; a visit outside the person's stores is not found, whatever else is wrong. */
    private String act(long id, String from, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (MysteryRefused e) {
            if (e.problems().containsKey("id")) {
                throw new ResponseStatusException(NOT_FOUND);
            }
            flash.addFlashAttribute("problem", e.problems().values().iterator().next());
        }
        return "visit".equals(from) ? "redirect:/experience/mystery/visits/" + id : "redirect:/experience/mystery/visits";
    }

    private String formPage(MysteryVisitForm form, Map<String, String> problems, SignedInAssociate me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        List<StoreSummary> stores = organization.storesVisibleTo(me);
        model.addAttribute("stores", stores);
        model.addAttribute("chooseStore", me.isOwner());
        Map<String, List<MysteryShopper>> byStore = new LinkedHashMap<>();
        for (StoreSummary s : stores) {
            List<MysteryShopper> active = shoppers.active(s.id());
            if (!active.isEmpty()) {
                byStore.put(s.name(), active);
            }
        }
        model.addAttribute("shoppersByStore", byStore);
        model.addAttribute("checklists", checklists.checklists().stream().filter(c -> !c.archived()).toList());
        model.addAttribute("departments", scheduling.departments(me.storeScope()));
        model.addAttribute("targets", MysteryScheduling.TARGET_KINDS);
        model.addAttribute("suggestions", SCENARIO_SUGGESTIONS);
        return "experience/mystery/visit-form";
    }
}
