package org.ruleone.customers.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ExternalIdAlreadyUsedException;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Adding and editing a client. An associate or manager works in their own store; the owner chooses the store.
 * The associate who keeps the client must work in that store.
 */
@Controller
@RequestMapping("/clients")
class ClientFormController {

    private final ClientBook book;
    private final Organization organization;
    private final Clock clock;

    ClientFormController(ClientBook book, Organization organization, Clock clock) {
        this.book = book;
        this.organization = organization;
        this.clock = clock;
    }

    /** The stores this person may file a client under. */
    @ModelAttribute("stores")
    List<StoreSummary> stores(@AuthenticationPrincipal SignedInAssociate me) {
        return organization.storesVisibleTo(me);
    }

    /** Everyone who may keep a client, in the stores this person sees; the form groups them by store. */
    @ModelAttribute("keepers")
    List<AssociateSummary> keepers(@AuthenticationPrincipal SignedInAssociate me) {
        return organization.associates(me.storeScope()).stream().filter(a -> a.storeId() != null).toList();
    }

    @GetMapping("/new")
    String newClient(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        long store = me.storeId() != null ? me.storeId() : stores(me).getFirst().id();
        Long keeper = me.isOwner() ? null : me.id();
        model.addAttribute("clientForm", ClientForm.empty(store, keeper, Language.of(locale).code()));
        return "customers/client-form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("clientForm") ClientForm form, BindingResult errors,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        long store = checkStoreAndKeeper(form, errors, me);
        form.check(errors, LocalDate.now(clock));
        if (errors.hasErrors()) {
            return reshow();
        }
        long id;
        try {
            id = book.add(form.draft(store));
        } catch (ExternalIdAlreadyUsedException e) {
            errors.rejectValue("externalId", "clients.validation.externalIdTaken");
            return reshow();
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/clients/" + id;
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Client client = find(id, me);
        model.addAttribute("client", client);
        model.addAttribute("clientForm", ClientForm.of(client));
        return "customers/client-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("clientForm") ClientForm form, BindingResult errors,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        Client client = find(id, me);
        model.addAttribute("client", client);
        long store = checkStoreAndKeeper(form, errors, me);
        form.check(errors, LocalDate.now(clock));
        if (errors.hasErrors()) {
            return reshow();
        }
        try {
            if (!book.update(id, me.storeScope(), form.draft(store))) {
                throw new ResponseStatusException(NOT_FOUND);
            }
        } catch (ExternalIdAlreadyUsedException e) {
            errors.rejectValue("externalId", "clients.validation.externalIdTaken");
            return reshow();
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/clients/" + id;
    }

    /**
     * The store the client goes in: the person's own unless they are the owner. Returns it even when it is
     * refused, so the form can be shown again as typed.
     */
    private long checkStoreAndKeeper(ClientForm form, BindingResult errors, SignedInAssociate me) {
        long store = me.storeScope().orElseGet(() -> form.storeId() == null ? 0L : form.storeId());
        if (organization.store(store).filter(s -> me.canSeeStore(s.id())).isEmpty()) {
            errors.rejectValue("storeId", "clients.validation.store");
            return store;
        }
        if (form.associateId() != null) {
            Optional<AssociateSummary> keeper = organization.associate(form.associateId());
            if (keeper.map(AssociateSummary::storeId).filter(s -> s == store).isEmpty()) {
                errors.rejectValue("associateId", "clients.validation.associateStore");
            }
        }
        return store;
    }

    /** The form as it was typed, with its errors; every date row posted comes back, blank ones included. */
    private String reshow() {
        return "customers/client-form";
    }

    private Client find(long id, SignedInAssociate me) {
        return book.client(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
