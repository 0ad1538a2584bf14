package org.ruleone.standards.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.Channel;
import org.ruleone.standards.Breach;
import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.ChannelStandard;
import org.ruleone.standards.ServiceStandards;
import org.ruleone.standards.Standard;
import org.ruleone.standards.StandardBreaches;
import org.ruleone.standards.StoreStandards;
import org.ruleone.standards.internal.CaseClock;
import org.ruleone.standards.internal.CaseClocks;
import org.ruleone.standards.internal.Formats;
import org.ruleone.standards.internal.ServiceFigures;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The service reports hub, the standards form, the at-risk and breached lists and the figures. */
@Controller
@RequestMapping("/service/reports")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class StandardsController {

    static final int LIST_LIMIT = 300;

    private final ServiceStandards standards;
    private final StandardBreaches breaches;
    private final CaseClocks clocks;
    private final ServiceFigures figures;
    private final Organization organization;
    private final ClientBook clients;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    StandardsController(ServiceStandards standards, StandardBreaches breaches, CaseClocks clocks,
                        ServiceFigures figures, Organization organization, ClientBook clients,
                        MessageSource messages, JsonMapper json, Clock clock) {
        this.standards = standards;
        this.breaches = breaches;
        this.clocks = clocks;
        this.figures = figures;
        this.organization = organization;
        this.clients = clients;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String hub() {
        return "standards/hub";
    }

    // ---- the standards form

    @GetMapping("/standards")
    String settings(@RequestParam Optional<Long> store, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        StoreSummary chosen = storeToSet(store, me);
        StoreStandards set = standards.of(chosen.id());
        model.addAttribute("form", StandardsForm.of(set));
        return settingsPage(chosen, me, model);
    }

    @PostMapping("/standards")
    String save(@RequestParam long store, @RequestParam Map<String, String> params,
                @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        StoreSummary chosen = storeToSet(Optional.of(store), me);
        StandardsForm form = StandardsForm.from(params);
        Optional<StoreStandards> parsed = form.toStandards(chosen.id());
        if (parsed.isEmpty()) {
            model.addAttribute("form", form);
            return settingsPage(chosen, me, model);
        }
        standards.save(parsed.get());
        flash.addFlashAttribute("saved", chosen.name());
        return "redirect:/service/reports/standards?store=" + chosen.id();
    }

    private String settingsPage(StoreSummary chosen, SignedInAssociate me, Model model) {
        model.addAttribute("store", chosen);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("hoursSet", !organization.hours(chosen.id()).isEmpty());
        return "standards/settings";
    }

    private StoreSummary storeToSet(Optional<Long> store, SignedInAssociate me) {
        long id = store.orElseGet(() -> me.storeId() != null ? me.storeId()
                : organization.stores().stream().findFirst().map(StoreSummary::id).orElse(-1L));
        if (!me.canSeeStore(id)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return organization.store(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    /** The store a list is limited to: a manager's own, or the one an owner picked (empty for all). */
    private Optional<Long> scope(Optional<Long> store, SignedInAssociate me) {
        if (store.isPresent()) {
            if (!me.canSeeStore(store.get()) || organization.store(store.get()).isEmpty()) {
                throw new ResponseStatusException(NOT_FOUND);
            }
            return store;
        }
        return me.storeScope();
    }

    // ---- at risk and breached

    /** One line of the at-risk or breached list. */
    record DueLine(Long caseId, Long callId, String store, String customer, String associate, String standard,
                   String due, String what, CaseClock.State state) {
    }

    @GetMapping("/due")
    String due(@RequestParam Optional<Long> store, @AuthenticationPrincipal SignedInAssociate me, Model model,
               Locale locale) {
        Optional<Long> scope = scope(store, me);
        Instant now = clock.instant();
        Names names = new Names(me);
        Map<Long, BusinessCalendar> calendars = new HashMap<>();
        List<DueLine> atRisk = new ArrayList<>();
        List<DueLine> overdue = new ArrayList<>();
        for (CaseClock c : clocks.running(scope, LIST_LIMIT)) {
            BusinessCalendar calendar = calendars.computeIfAbsent(c.storeId(), standards::calendarOf);
            for (Standard standard : List.of(Standard.FIRST_RESPONSE, Standard.RESOLUTION)) {
                CaseClock.State state = c.state(standard, now, calendar);
                if (state == CaseClock.State.AT_RISK) {
                    atRisk.add(line(c, standard, state, calendar, names, locale,
                            text("standards.due.left", locale,
                                    Formats.duration(calendar.between(now, c.due(standard)), messages, locale))));
                } else if (state == CaseClock.State.BREACHED && c.done(standard) == null) {
                    overdue.add(line(c, standard, state, calendar, names, locale,
                            text("standards.due.overdueBy", locale,
                                    Formats.duration(calendar.between(c.due(standard), now), messages, locale))));
                }
            }
        }
        List<DueLine> breached = new ArrayList<>();
        for (Breach b : breaches.since(now.minus(Duration.ofDays(30)), scope, LIST_LIMIT)) {
            BusinessCalendar calendar = calendars.computeIfAbsent(b.storeId(), standards::calendarOf);
            Optional<CaseClock> c = b.caseId() == null ? Optional.empty() : clocks.find(b.caseId());
            String what;
            if (b.standard() == Standard.PHONE_ANSWER) {
                what = b.detail().startsWith("RINGS:") ? text("standards.call.rings", locale, b.detail().substring(6))
                        : text("standards.call.outcome." + b.detail().replace("OUTCOME:", ""), locale);
            } else {
                Instant done = c.map(x -> x.done(b.standard())).orElse(null);
                what = done == null ? text("standards.due.notYet", locale)
                        : text("standards.due.doneAt", locale, Formats.when(done, calendar.zone(), locale));
            }
            breached.add(new DueLine(b.caseId(), b.callId(), names.store(b.storeId()),
                    c.map(x -> names.customer(x.customerId())).orElse(""), names.associate(b.associateId(), locale),
                    text("standards.standard." + b.standard(), locale),
                    Formats.when(b.standard() == Standard.PHONE_ANSWER ? b.breachedAt() : b.dueAt(), calendar.zone(),
                            locale),
                    what, CaseClock.State.BREACHED));
        }
        model.addAttribute("atRisk", atRisk);
        model.addAttribute("overdue", overdue);
        model.addAttribute("breached", breached);
        storePicker(scope, me, model);
        return "standards/due";
    }

    private DueLine line(CaseClock c, Standard standard, CaseClock.State state, BusinessCalendar calendar, Names names,
                         Locale locale, String what) {
        return new DueLine(c.caseId(), null, names.store(c.storeId()), names.customer(c.customerId()),
                names.associate(c.associateFor(standard), locale), text("standards.standard." + standard, locale),
                Formats.when(c.due(standard), calendar.zone(), locale), what, state);
    }

    // ---- figures

    /** A line of figures as shown. */
    record FigureLine(String store, String associate, boolean storeTotal, ServiceFigures.Row row) {
    }

    @GetMapping("/figures")
    String figures(@RequestParam Optional<Long> store, @RequestParam(defaultValue = "30") int days,
                   @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Optional<Long> scope = scope(store, me);
        int period = List.of(7, 30, 90, 365).contains(days) ? days : 30;
        Names names = new Names(me);
        List<FigureLine> lines = figures.since(clock.instant().minus(Duration.ofDays(period)), scope).stream()
                .map(r -> new FigureLine(names.store(r.storeId()),
                        r.associateId() == null ? "" : names.associate(r.associateId() == 0 ? null : r.associateId(),
                                locale),
                        r.associateId() == null, r))
                .toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        List<FigureLine> charted = lines.stream().filter(l -> scope.isPresent() != l.storeTotal()).toList();
        chart.put("labels", charted.stream().map(l -> l.storeTotal() ? l.store() : l.associate()).toList());
        chart.put("series", List.of(
                series(text("standards.standard.FIRST_RESPONSE", locale), charted, r -> r.firstResponse()),
                series(text("standards.standard.RESOLUTION", locale), charted, r -> r.resolution()),
                series(text("standards.standard.PHONE_ANSWER", locale), charted, r -> r.phone())));
        chart.put("axis", text("standards.figures.axis", locale));
        chart.put("max", 100);
        model.addAttribute("lines", lines);
        model.addAttribute("chart", json.writeValueAsString(chart));
        model.addAttribute("days", period);
        storePicker(scope, me, model);
        return "standards/figures";
    }

    private static Map<String, Object> series(String label, List<FigureLine> lines,
                                              java.util.function.Function<ServiceFigures.Row, ServiceFigures.Tally> pick) {
        List<Integer> values = lines.stream().map(l -> pick.apply(l.row()).percentMet()).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("label", label);
        s.put("data", values);
        return s;
    }

    private void storePicker(Optional<Long> scope, SignedInAssociate me, Model model) {
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", scope.orElse(null));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Names of stores, associates and customers, looked up once each. */
    private final class Names {
        private final SignedInAssociate me;
        private final Map<Long, String> stores = new HashMap<>();
        private final Map<Long, String> associates = new HashMap<>();
        private final Map<Long, String> customers = new HashMap<>();

        Names(SignedInAssociate me) {
            this.me = me;
            organization.stores().forEach(s -> stores.put(s.id(), s.name()));
            organization.associates(Optional.empty()).forEach(a -> associates.put(a.id(), a.name()));
        }

        String store(long id) {
            return stores.getOrDefault(id, "#" + id);
        }

        String associate(Long id, Locale locale) {
            return id == null ? text("standards.nobody", locale) : associates.getOrDefault(id, "#" + id);
        }

        String customer(long id) {
            return customers.computeIfAbsent(id, k -> clients.client(k, me.storeScope())
                    .map(Client::displayName).orElse("#" + k));
        }
    }
}
