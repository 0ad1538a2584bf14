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
        CallForm form = new CallForm();
        form.setStoreId(me.storeId() != null ? me.storeId() : stores(me).getFirst().id());
        if (caseId != null) {
            ServiceCase serviceCase = cases.find(caseId, me.storeScope())
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            form.setCaseId(serviceCase.id());
            form.setStoreId(serviceCase.storeId());
            form.setCustomerId(serviceCase.customerId());
        } else if (clientId != null) {
            Client client = me.storeScope().flatMap(s -> calls.client(clientId, s))
                    .or(() -> me.isOwner() ? stores(me).stream().map(s -> calls.client(clientId, s.id()))
                            .flatMap(Optional::stream).findFirst() : Optional.empty())
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            form.setCustomerId(client.id());
            form.setStoreId(client.storeId());
        }
        form.setRingingAt(LocalDateTime.now(clock.withZone(zone(form.getStoreId()))).truncatedTo(ChronoUnit.MINUTES));
        form.setAssociateId(me.isOwner() ? null : me.id());
        return show(form, me, model);
    }

    @PostMapping
    String create(@ModelAttribute("callForm") CallForm form, BindingResult errors,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        long store = me.storeScope().orElseGet(() -> form.getStoreId() == null ? 0L : form.getStoreId());
        if (organization.store(store).filter(s -> me.canSeeStore(s.id())).isEmpty()) {
            errors.rejectValue("storeId", "calls.validation.store");
        }
        form.setStoreId(store);
        CallOutcome outcome = parseOutcome(form.getOutcome());
        if (outcome == null) {
            errors.rejectValue("outcome", "calls.validation.outcome");
        }
        if (form.getRingingAt() == null && !errors.hasFieldErrors("ringingAt")) {
            errors.rejectValue("ringingAt", "calls.validation.ringingAt");
        }
        checkNotNegative(errors, "rings", form.getRings());
        checkNotNegative(errors, "secondsToAnswer", form.getSecondsToAnswer());
        checkNotNegative(errors, "durationSeconds", form.getDurationSeconds());
        if (outcome != null && outcome != CallOutcome.ANSWERED && form.getSecondsToAnswer() != null) {
            errors.rejectValue("secondsToAnswer", "calls.validation.notAnswered");
        }
        if (form.getCallerNumber().strip().length() > 50) {
            errors.rejectValue("callerNumber", "calls.validation.number");
        }
        if (form.getAssociateId() != null && !organization.mayActIn(form.getAssociateId(), store)) {
            errors.rejectValue("associateId", "calls.validation.associate");
        }
        Long customer = form.getCustomerId();
        if (customer == null && form.getCaseId() == null && !form.getCallerNumber().isBlank()) {
            customer = calls.clientByPhone(store, form.getCallerNumber()).orElse(null);
        }
        if (form.isOpenCase() && form.getCaseId() == null && customer == null) {
            errors.rejectValue("openCase", "calls.validation.openCaseNeedsClient");
        }
        if (form.getSubject().strip().length() > 200) {
            errors.rejectValue("subject", "calls.validation.subject");
        }
        if (errors.hasErrors()) {
            return show(form, me, model);
        }
        CallDraft draft = new CallDraft(store, customer, form.getCallerNumber(), form.getAssociateId(),
                form.getRingingAt().atZone(zone(store)).toInstant(), form.getRings(), form.getSecondsToAnswer(),
                outcome, form.getDurationSeconds(), form.getCaseId(), CallSource.MANUAL, me.id());
        PhoneCalls.Logged logged;
        try {
            logged = form.isOpenCase() && form.getCaseId() == null
                    ? calls.logWithNewCase(draft, form.getSubject(), me.id(), me.storeScope())
                    : calls.log(draft, me.storeScope());
        } catch (IllegalArgumentException e) {
            errors.reject("calls.validation.refused");
            return show(form, me, model);
        }
        flash.addFlashAttribute("logged", logged.callId());
        return logged.caseId() != null ? "redirect:/cases/" + logged.caseId() : "redirect:/calls";
    }

    private String show(CallForm form, SignedInAssociate me, Model model) {
        model.addAttribute("callForm", form);
        model.addAttribute("associates", organization.associates(me.storeScope()).stream()
                .filter(AssociateSummary::active).filter(a -> a.storeId() != null).toList());
        if (form.getCustomerId() != null && form.getStoreId() != null) {
            calls.client(form.getCustomerId(), form.getStoreId())
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
