package org.ruleone.privacy.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.privacy.Erasures;
import org.ruleone.privacy.Erasures.Erasure;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/**
 * Erasing a client (ADR 0117): a manager or the owner gives a reason, confirms on a second page that says what goes
 * and what stays, and the proof is listed at /privacy/erasures.
 */
@Controller
class ErasureController {

    static final int LIST_LIMIT = 200;
    static final int REASON_MAX = 500;

    private final Erasures erasures;
    private final ClientBook clients;
    private final Organization organization;

    ErasureController(Erasures erasures, ClientBook clients, Organization organization) {
        this.erasures = erasures;
        this.clients = clients;
        this.organization = organization;
    }

    /** A row of the erasures page. */
    record ErasureView(long clientId, String pseudonym, String store, String reason, boolean retention, String by,
                       String at) {
    }

    @GetMapping("/privacy/clients/{id}/erase")
    String form(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Client client = erasable(id, me);
        if (erasures.of(id).isPresent()) {
            return "redirect:/privacy/erasures";
        }
        model.addAttribute("client", client);
        model.addAttribute("reason", "");
        model.addAttribute("confirming", false);
        return "privacy/erase";
    }

    @PostMapping("/privacy/clients/{id}/erase")
    String erase(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(defaultValue = "false") boolean confirmed,
                 @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        Client client = erasable(id, me);
        if (erasures.of(id).isPresent()) {
            return "redirect:/privacy/erasures";
        }
        String given = reason.strip();
        if (given.isEmpty() || given.length() > REASON_MAX || !confirmed) {
            model.addAttribute("client", client);
            model.addAttribute("reason", given);
            model.addAttribute("confirming", !given.isEmpty() && given.length() <= REASON_MAX);
            model.addAttribute("problem", given.isEmpty() ? "privacy.erase.reasonMissing"
                    : given.length() > REASON_MAX ? "privacy.erase.reasonTooLong" : null);
            return "privacy/erase";
        }
        Erasure done = erasures.erase(id, given, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        flash.addFlashAttribute("erased", done.pseudonym());
        return "redirect:/privacy/erasures";
    }

    @GetMapping("/privacy/erasures")
    String list(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        managerOrOwner(me);
        Map<Long, StoreSummary> stores = organization.stores().stream()
                .collect(toMap(StoreSummary::id, Function.identity()));
        Map<Long, String> people = organization.associates(Optional.empty()).stream()
                .collect(toMap(AssociateSummary::id, AssociateSummary::name));
        Formats formats = Formats.of(locale);
        List<ErasureView> rows = erasures.list(me.storeScope(), LIST_LIMIT).stream().map(e -> {
            StoreSummary store = stores.get(e.storeId());
            ZoneId zone = store == null ? ZoneId.of("UTC") : store.timeZone();
            return new ErasureView(e.clientId(), e.pseudonym(), store == null ? "" : store.name(), e.reason(),
                    e.source() == Erasures.Source.RETENTION, e.erasedBy() == null ? "" : people.getOrDefault(e.erasedBy(), ""),
                    formats.dateTime(e.erasedAt(), zone));
        }).toList();
        model.addAttribute("erasures", rows);
        return "privacy/erasures";
    }

    private Client erasable(long id, SignedInAssociate me) {
        Client client = clients.client(id, me.storeScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        managerOrOwner(me);
        return client;
    }

    private static void managerOrOwner(SignedInAssociate me) {
        if (!me.isManagerOrOwner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
