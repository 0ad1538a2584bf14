package org.ruleone.recognition.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Photos;
import org.ruleone.recognition.HeroicDraft;
import org.ruleone.recognition.HeroicRefusedException;
import org.ruleone.recognition.Heroics;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting a heroic, {@code /heroics/new}: who (colleagues of any store, never oneself), when, for which client and
 * case (among those the reporter may see), what happened, and a photo. A refusal shows the form again as it was
 * typed, with the reason (a photo has to be chosen again: a browser never sends one back).
 */
@Controller
class HeroicReportController {

    /** How many recent cases and clients the form offers. */
    static final int CHOICES = 100;

    private final Heroics heroics;
    private final Organization organization;
    private final ClientBook clients;
    private final CaseDesk cases;
    private final Clock clock;

    HeroicReportController(Heroics heroics, Organization organization, ClientBook clients, CaseDesk cases,
                           Clock clock) {
        this.heroics = heroics;
        this.organization = organization;
        this.clients = clients;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/heroics/new")
    String form(@RequestParam(name = "case", required = false) Long caseId,
                @RequestParam(name = "client", required = false) Long clientId,
                @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Long client = clientId;
        if (caseId != null && client == null) {
            client = cases.find(caseId, me.storeScope()).map(c -> c.customerId()).orElse(null);
        }
        HeroicForm form = new HeroicForm(List.of(), today(me).toString(), client, caseId, "");
        return show(form, null, me, model);
    }

    @PostMapping("/heroics")
    String report(@ModelAttribute HeroicForm form, @RequestParam(required = false) MultipartFile photo,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        try {
            Photos.Photo checked = photo == null || photo.isEmpty() ? null : Photos.check(photo.getInputStream());
            LocalDate day = form.happenedOn() == null || form.happenedOn().isBlank() ? null
                    : LocalDate.parse(form.happenedOn().strip());
            long id = heroics.report(me.id(), new HeroicDraft(form.heroes(), day, form.clientId(), form.caseId(),
                    form.what(), checked));
            flash.addFlashAttribute("reported", true);
            return "redirect:/heroics/" + id;
        } catch (Photos.PhotoRefusedException e) {
            return show(form, e.messageKey(), me, model);
        } catch (HeroicRefusedException e) {
            return show(form, e.messageKey(), me, model);
        } catch (DateTimeParseException e) {
            return show(form, "recognition.refused.when", me, model);
        } catch (IOException e) {
            return show(form, "photo.refused.empty", me, model);
        }
    }

    private String show(HeroicForm form, String problem, SignedInAssociate me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("today", today(me).toString());
        model.addAttribute("colleagues", colleaguesByStore(me));
        List<CaseSummary> recent = new ArrayList<>(cases.list(new CaseFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), CHOICES), me.storeScope()));
        if (form.caseId() != null && recent.stream().noneMatch(c -> c.id() == form.caseId())) {
            cases.find(form.caseId(), me.storeScope()).ifPresent(c -> recent.addFirst(new CaseSummary(c.id(),
                    c.storeId(), c.customerId(), c.ownerId(), c.channel(), c.subject(), c.language(), c.status(),
                    c.openedAt(), c.firstResponseAt(), c.resolvedAt(), c.timesReopened())));
        }
        model.addAttribute("cases", recent);
        List<ClientSummary> latest = new ArrayList<>(clients.latest(me.storeScope(), CHOICES));
        if (form.clientId() != null && latest.stream().noneMatch(c -> c.id() == form.clientId())) {
            latest.addAll(0, clients.summaries(List.of(form.clientId()), me.storeScope()).values());
        }
        model.addAttribute("clients", latest);
        model.addAttribute("maxText", Heroics.MAX_TEXT);
        return "recognition/report";
    }

    /** Everyone active but the reporter, by store: the reporter's store first, then the others, the owner last. */
    private Map<String, List<AssociateSummary>> colleaguesByStore(SignedInAssociate me) {
        Map<Long, String> names = organization.stores().stream()
                .collect(Collectors.toMap(StoreSummary::id, StoreSummary::name));
        Map<String, List<AssociateSummary>> byStore = new LinkedHashMap<>();
        organization.associates(Optional.empty()).stream()
                .filter(a -> a.active() && a.id() != me.id())
                .sorted(Comparator.comparing((AssociateSummary a) -> !Objects.equals(a.storeId(), me.storeId()))
                        .thenComparing(a -> a.storeId() == null)
                        .thenComparing(a -> a.storeId() == null ? "" : names.getOrDefault(a.storeId(), ""))
                        .thenComparing(AssociateSummary::name))
                .forEach(a -> byStore.computeIfAbsent(a.storeId() == null ? "" : names.getOrDefault(a.storeId(), ""),
                        k -> new ArrayList<>()).add(a));
        return byStore;
    }

    private LocalDate today(SignedInAssociate me) {
        ZoneId zone = Optional.ofNullable(me.storeId()).flatMap(organization::store).map(StoreSummary::timeZone)
                .orElse(ZoneId.of("UTC"));
        return LocalDate.now(clock.withZone(zone));
    }

}
