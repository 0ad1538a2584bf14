package org.ruleone.customers.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientFigure;
import org.ruleone.customers.ClientFiguresSource;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.ConsentState;
import org.ruleone.customers.Consents;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The client page: details, consents with their proof, figures and timeline from other modules. */
@Controller
@RequestMapping("/clients/{id}")
class ClientPageController {

    static final int TIMELINE_LIMIT = 50;

    private final ClientBook book;
    private final Consents consents;
    private final Organization organization;
    private final ObjectProvider<ClientFiguresSource> figureSources;
    private final ObjectProvider<TimelineSource> timelineSources;

    ClientPageController(ClientBook book, Consents consents, Organization organization,
                         ObjectProvider<ClientFiguresSource> figureSources,
                         ObjectProvider<TimelineSource> timelineSources) {
        this.book = book;
        this.consents = consents;
        this.organization = organization;
        this.figureSources = figureSources;
        this.timelineSources = timelineSources;
    }

    /** A consent channel as the page shows it: what is in force and the sentence to read to the client. */
    record ConsentView(ConsentChannel channel, Optional<ConsentState> current, String wordingToGrant,
                       String wordingToWithdraw) {

        /** Surveys go to a client who never decided (they may opt out); marketing needs a grant first. */
        public boolean granted() {
            return current.map(ConsentState::granted).orElse(channel == ConsentChannel.SURVEY);
        }
    }

    record DateView(String kind, String label, String text) {
    }

    @GetMapping
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Client client = find(id, me);
        Map<Long, AssociateSummary> associates = organization.associates(Optional.of(client.storeId())).stream()
                .collect(toMap(AssociateSummary::id, Function.identity()));
        model.addAttribute("client", client);
        model.addAttribute("store", organization.store(client.storeId()).orElseThrow());
        model.addAttribute("keeper", client.associateId() == null ? null : associates.get(client.associateId()));
        model.addAttribute("keepers", book.keepersIn(client.storeId()));
        model.addAttribute("dates", client.dates().stream().map(d -> dateView(d, locale)).toList());
        model.addAttribute("consents", java.util.Arrays.stream(ConsentChannel.values())
                .map(c -> new ConsentView(c, consents.current(id, c),
                        consents.wording(c, true, client.language()), consents.wording(c, false, client.language())))
                .toList());
        model.addAttribute("consentHistory", consents.history(id));
        model.addAttribute("figures", figures(id, locale));
        model.addAttribute("timeline", timeline(id, locale));
        return "customers/client";
    }

    @PostMapping("/consents")
    String recordConsent(@PathVariable long id, @RequestParam ConsentChannel channel, @RequestParam boolean granted,
                         @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        find(id, me);
        consents.record(id, channel, granted, ConsentMethod.IN_STORE, me.id());
        flash.addFlashAttribute("notice", "clients.consent.notice." + channel.name() + (granted ? ".grant" : ".withdraw"));
        return "redirect:/clients/" + id + "#consents";
    }

    @PostMapping("/associate")
    String reassign(@PathVariable long id, @RequestParam(required = false) Long associateId,
                    @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        Client client = find(id, me);
        boolean moved;
        try {
            moved = associateId != null && book.reassign(id, me.storeScope(), associateId);
        } catch (IllegalArgumentException e) {
            moved = false;
        }
        if (moved) {
            String name = organization.associate(associateId).map(AssociateSummary::name).orElse("");
            flash.addFlashAttribute("reassignedTo", name);
        } else {
            flash.addFlashAttribute("problem", "clients.reassign.invalid");
        }
        return "redirect:/clients/" + client.id();
    }

    private Client find(long id, SignedInAssociate me) {
        return book.client(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private List<ClientFigure> figures(long id, Locale locale) {
        return figureSources.orderedStream().flatMap(s -> s.figures(id, locale).stream()).toList();
    }

    private List<TimelineEntry> timeline(long id, Locale locale) {
        return timelineSources.orderedStream()
                .flatMap(s -> s.timeline(id, TIMELINE_LIMIT, locale).stream())
                .sorted(Comparator.comparing(TimelineEntry::at).reversed())
                .limit(TIMELINE_LIMIT)
                .toList();
    }

    static DateView dateView(ImportantDate d, Locale locale) {
        LocalDate date = LocalDate.of(d.year() == null ? 2000 : d.year(), d.monthDay().getMonth(),
                d.monthDay().getDayOfMonth());
        String text = date.format(DateTimeFormatter.ofPattern(d.year() == null ? "d MMMM" : "d MMMM yyyy", locale));
        return new DateView(d.kind().name(), d.label(), text);
    }
}
