package org.ruleone.telephony.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCall;
import org.ruleone.telephony.PhoneCalls;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The phone screen: log a call by hand (for a case, a client, or a number nobody knows yet), optionally opening a
 * phone case for the client on the spot, and the store's latest calls.
 */
@Controller
@RequestMapping("/calls")
class CallController {

    static final int LIST_LIMIT = 200;

    private final PhoneCalls calls;
    private final CaseDesk cases;
    private final Organization organization;
    private final Clock clock;

    CallController(PhoneCalls calls, CaseDesk cases, Organization organization, Clock clock) {
        this.calls = calls;
        this.cases = cases;
        this.organization = organization;
        this.clock = clock;
    }

    @ModelAttribute("stores")
    List<StoreSummary> stores(@AuthenticationPrincipal SignedInAssociate me) {
        return organization.storesVisibleTo(me);
    }

    @ModelAttribute("outcomes")
    CallOutcome[] outcomes() {
        return CallOutcome.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) Long store, @AuthenticationPrincipal SignedInAssociate me,
                Model model) {
        Optional<Long> shown = me.storeScope().or(() -> Optional.ofNullable(store));
        List<PhoneCall> recent = calls.recent(me.storeScope(), shown, LIST_LIMIT);
        Map<Long, String> storeNames = new HashMap<>();
        Map<Long, ZoneId> zones = new HashMap<>();
        stores(me).forEach(s -> {
            storeNames.put(s.id(), s.name());
            zones.put(s.id(), s.timeZone());
        });
        Map<Long, String> names = new HashMap<>();
        organization.associates(me.storeScope()).forEach(a -> names.put(a.id(), a.name()));
        model.addAttribute("calls", recent);
        model.addAttribute("store", shown.orElse(null));
        model.addAttribute("storeNames", storeNames);
        model.addAttribute("zones", zones);
        model.addAttribute("associateNames", names);
        model.addAttribute("showStore", me.isOwner());
        return "telephony/calls";
    }

    @GetMapping("/new")
    String newCall(@RequestParam(name = "case", required = false) Long caseId,
                   @RequestParam(name = "client", required = false) Long clientId,
                   @AuthenticationPrincipal SignedInAssociate me, Model model) {
        long store = me.storeId() != null ? me.storeId() : stores(me).getFirst().id();
        Long customer = null;
        if (caseId != null) {
            ServiceCase serviceCase = cases.find(caseId, me.storeScope())
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            store = serviceCase.storeId();
            customer = serviceCase.customerId();
        } else if (clientId != null) {
            Client client = me.storeScope().flatMap(s -> calls.client(clientId, s))
                    .or(() -> me.isOwner() ? stores(me).stream().map(s -> calls.client(clientId, s.id()))
                            .flatMap(Optional::stream).findFirst() : Optional.empty())
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            customer = client.id();
            store = client.storeId();
        }
        CallForm form = CallForm.of(store, caseId, customer,
                LocalDateTime.now(clock.withZone(zone(store))).truncatedTo(ChronoUnit.MINUTES),
                me.isOwner() ? null : me.id());
        return show(form, store, me, model);
    }

    @PostMapping
    String create(@ModelAttribute("callForm") CallForm form, BindingResult errors,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        long store = me.storeScope().orElseGet(() -> form.storeId() == null ? 0L : form.storeId());
        if (organization.store(store).filter(s -> me.canSeeStore(s.id())).isEmpty()) {
            errors.rejectValue("storeId", "calls.validation.store");
        }
        form.check(errors);
        CallOutcome outcome = parseOutcome(form.outcome());
        if (outcome == null) {
            errors.rejectValue("outcome", "calls.validation.outcome");
        }
        if (form.parsedRingingAt() == null && !errors.hasFieldErrors("ringingAt")) {
            errors.rejectValue("ringingAt", "calls.validation.ringingAt");
        }
        checkNotNegative(errors, "rings", form.parsedRings());
        checkNotNegative(errors, "secondsToAnswer", form.parsedSecondsToAnswer());
        checkNotNegative(errors, "durationSeconds", form.parsedDurationSeconds());
        if (outcome != null && outcome != CallOutcome.ANSWERED && form.parsedSecondsToAnswer() != null) {
            errors.rejectValue("secondsToAnswer", "calls.validation.notAnswered");
        }
        if (form.callerNumber().strip().length() > 50) {
            errors.rejectValue("callerNumber", "calls.validation.number");
        }
        if (form.associateId() != null && !organization.mayActIn(form.associateId(), store)) {
            errors.rejectValue("associateId", "calls.validation.associate");
        }
        Long customer = form.customerId();
        if (customer == null && form.caseId() == null && !form.callerNumber().isBlank()) {
            customer = calls.clientByPhone(store, form.callerNumber()).orElse(null);
        }
        if (form.openCase() && form.caseId() == null && customer == null) {
            errors.rejectValue("openCase", "calls.validation.openCaseNeedsClient");
        }
        if (form.subject().strip().length() > 200) {
            errors.rejectValue("subject", "calls.validation.subject");
        }
        if (errors.hasErrors()) {
            return show(form, store, me, model);
        }
        CallDraft draft = new CallDraft(store, customer, form.callerNumber(), form.associateId(),
                form.parsedRingingAt().atZone(zone(store)).toInstant(), form.parsedRings(),
                form.parsedSecondsToAnswer(), outcome, form.parsedDurationSeconds(), form.caseId(), CallSource.MANUAL, me.id());
        PhoneCalls.Logged logged;
        try {
            logged = form.openCase() && form.caseId() == null
                    ? calls.logWithNewCase(draft, form.subject(), me.id(), me.storeScope())
                    : calls.log(draft, me.storeScope());
        } catch (IllegalArgumentException e) {
            errors.reject("calls.validation.refused");
            return show(form, store, me, model);
        }
        flash.addFlashAttribute("logged", logged.callId());
        return logged.caseId() != null ? "redirect:/cases/" + logged.caseId() : "redirect:/calls";
    }

    /** The form as typed (its errors stay bound to it), for calls in {@code store}. */
    private String show(CallForm form, Long store, SignedInAssociate me, Model model) {
        model.addAttribute("callForm", form);
        model.addAttribute("associates", organization.associates(me.storeScope()).stream()
                .filter(AssociateSummary::active).filter(a -> a.storeId() != null).toList());
        if (form.customerId() != null && store != null) {
            calls.client(form.customerId(), store)
                    .ifPresent(c -> model.addAttribute("client", c));
        }
        return "telephony/call-form";
    }

    private ZoneId zone(Long storeId) {
        return storeId == null ? clock.getZone()
                : organization.store(storeId).map(StoreSummary::timeZone).orElse(clock.getZone());
    }

    private static void checkNotNegative(BindingResult errors, String field, Integer value) {
        if (value != null && value < 0 && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "calls.validation.negative");
        }
    }

    private static CallOutcome parseOutcome(String text) {
        try {
            return text == null ? null : CallOutcome.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
