package org.ruleone.experience.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.experience.MysteryRefused;
import org.ruleone.experience.MysteryReliability;
import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryShopper;
import org.ruleone.experience.MysteryShopperKind;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
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
 * The mystery shoppers: the list, one shopper with their visits and reliability, and the form to add or edit one
 * (a best client picked from the client book). A manager sees their store's shoppers only, the owner every store's.
 */
@Controller
@RequestMapping("/experience/mystery/shoppers")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryShoppersController {

    static final int CLIENTS_SHOWN = 10;

    private final MysteryShoppers shoppers;
    private final ClientBook clients;
    private final Organization organization;

    MysteryShoppersController(MysteryShoppers shoppers, ClientBook clients, Organization organization) {
        this.shoppers = shoppers;
        this.clients = clients;
        this.organization = organization;
    }

    record ShopperRow(long id, String name, String email, MysteryShopperKind kind, String store, String language,
                      String reward, boolean active) {
    }

    record HistoryRow(long id, String window, String targetKind, String where, String status, java.math.BigDecimal score,
                      boolean flagged, String paid) {
    }

    record Share(int part, int whole, String percent) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Map<Long, String> stores = storeNames(me);
        Formats fmt = Formats.of(locale);
        model.addAttribute("rows", shoppers.list(me.storeScope()).stream()
                .map(s -> new ShopperRow(s.id(), s.name(), s.email(), s.kind(), stores.getOrDefault(s.storeId(), ""),
                        s.language().code(), s.reward().describe(fmt), s.active()))
                .toList());
        model.addAttribute("showStore", me.isOwner());
        return "experience/mystery/shoppers";
    }

    @GetMapping("/new")
    String newShopper(@ModelAttribute("form") MysteryShopperForm form, @RequestParam(required = false) Long pick,
                      @AuthenticationPrincipal SignedInAssociate me, Model model) {
        MysteryShopperForm shown = form;
        if (form.storeId().isBlank() && form.name().isBlank()) {
            StoreSummary store = organization.storeShownTo(me, null).orElseThrow(() -> new ResponseStatusException(
                    NOT_FOUND));
            shown = MysteryShopperForm.empty(store.id(), store.currencyCode());
        }
        return formPage(picked(shown, pick, me), null, Map.of(), me, model);
    }

    @PostMapping
    String add(@ModelAttribute("form") MysteryShopperForm form, @AuthenticationPrincipal SignedInAssociate me,
               Model model, RedirectAttributes flash) {
        Map<String, String> problems = new LinkedHashMap<>();
        long store = me.storeScope().orElse(form.store() == null ? 0L : form.store());
        var draft = form.draft(store, problems);
        shoppers.problems(draft, me.storeScope()).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                long id = shoppers.add(draft, me.storeScope(), me.id());
                flash.addFlashAttribute("notice", "experience.mystery.shopper.saved");
                return "redirect:/experience/mystery/shoppers/" + id;
            } catch (MysteryRefused e) {
                problems.putAll(e.problems());
            }
        }
        return formPage(form, null, problems, me, model);
    }

    @GetMapping("/{id}")
    String shopper(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model,
                   Locale locale) {
        MysteryShopper shopper = find(id, me);
        Formats fmt = Formats.of(locale);
        StoreSummary store = organization.store(shopper.storeId()).orElseThrow();
        model.addAttribute("shopper", shopper);
        model.addAttribute("storeName", store.name());
        model.addAttribute("reward", shopper.reward().describe(fmt));
        model.addAttribute("client", shopper.customerId() == null ? null
                : clients.client(shopper.customerId(), Optional.of(shopper.storeId())).orElse(null));
        MysteryReliability r = shoppers.reliability(id);
        model.addAttribute("onTime", share(r.onTime(), r.due(), r.onTimePercent()));
        model.addAttribute("accepted", share(r.accepted(), r.decided(), r.acceptedPercent()));
        model.addAttribute("history", shoppers.history(id).stream().map(v -> history(v, store, fmt)).toList());
        return "experience/mystery/shopper";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") MysteryShopperForm form,
                @RequestParam(required = false) Long pick, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        MysteryShopper shopper = find(id, me);
        MysteryShopperForm shown = form.name().isBlank() && form.email().isBlank() ? MysteryShopperForm.of(shopper)
                : form;
        return formPage(picked(shown, pick, me), shopper, Map.of(), me, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") MysteryShopperForm form,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        MysteryShopper shopper = find(id, me);
        Map<String, String> problems = new LinkedHashMap<>();
        var draft = form.draft(shopper.storeId(), problems);
        shoppers.problems(draft, me.storeScope()).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                shoppers.update(id, draft, me.storeScope());
                flash.addFlashAttribute("notice", "experience.mystery.shopper.saved");
                return "redirect:/experience/mystery/shoppers/" + id;
            } catch (MysteryRefused e) {
                problems.putAll(e.problems());
            }
        }
        return formPage(form, shopper, problems, me, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        find(id, me);
        shoppers.deactivate(id, me.storeScope());
        flash.addFlashAttribute("notice", "experience.mystery.shopper.deactivated");
        return "redirect:/experience/mystery/shoppers/" + id;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        find(id, me);
        shoppers.reactivate(id, me.storeScope());
        flash.addFlashAttribute("notice", "experience.mystery.shopper.reactivated");
        return "redirect:/experience/mystery/shoppers/" + id;
    }

    private MysteryShopper find(long id, SignedInAssociate me) {
        return shoppers.find(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    /** The form with the client picked from the search, when one was and the person may see them. */
    private MysteryShopperForm picked(MysteryShopperForm form, Long pick, SignedInAssociate me) {
        if (pick == null) {
            return form;
        }
        return clients.client(pick, me.storeScope())
                .map(c -> form.withClient(c.storeId(), c.id(), c.displayName(), c.email(), c.language()))
                .orElse(form);
    }

    private String formPage(MysteryShopperForm form, MysteryShopper editing, Map<String, String> problems,
                            SignedInAssociate me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("problems", problems);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("chooseStore", me.isOwner() && editing == null);
        model.addAttribute("kinds", MysteryShopperKind.values());
        model.addAttribute("rewardKinds", MysteryReward.Kind.values());
        model.addAttribute("languages", Language.values());
        // Clients of the shopper's store only: the owner's search is narrowed to the store chosen, when there is one.
        Optional<Long> scope = me.storeScope().or(() -> Optional.ofNullable(editing == null ? form.store()
                : Long.valueOf(editing.storeId())));
        List<ClientSummary> found = form.clientQuery().isBlank() ? List.of()
                : clients.search(form.clientQuery().strip(), scope).stream().limit(CLIENTS_SHOWN).toList();
        model.addAttribute("clientResults", found);
        model.addAttribute("searched", !form.clientQuery().isBlank());
        Long customer = form.customer();
        model.addAttribute("linkedClient", customer == null ? null
                : clients.client(customer, scope).map(Client::displayName).orElse(null));
        return "experience/mystery/shopper-form";
    }

    private HistoryRow history(MysteryVisit v, StoreSummary store, Formats fmt) {
        String where = v.ownStore() ? v.department() : v.businessName();
        return new HistoryRow(v.id(), fmt.date(v.windowFrom()) + " – " + fmt.date(v.windowTo()), v.targetKind(),
                where, v.status().name(), v.score(), v.flagged(),
                fmt.date(v.rewardPaidAt(), store.timeZone()));
    }

    private static Share share(int part, int whole, Optional<java.math.BigDecimal> percent) {
        return new Share(part, whole, percent.map(java.math.BigDecimal::toPlainString).orElse(null));
    }

    private Map<Long, String> storeNames(SignedInAssociate me) {
        Map<Long, String> names = new LinkedHashMap<>();
        organization.storesVisibleTo(me).forEach(s -> names.put(s.id(), s.name()));
        return names;
    }
}
