package org.ruleone.service.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.Channel;
import org.ruleone.service.internal.CaseIntake;
import org.ruleone.service.internal.CaseListing;
import org.ruleone.shared.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/**
 * The case list (an associate's own cases by default) and the "open a case" form, which finds the client in the
 * client book or adds them on the spot.
 */
@Controller
@RequestMapping("/cases")
class CasesController {


    private final CaseDesk desk;
    private final CaseListing listing;
    private final CaseIntake intake;
    private final ClientBook clients;
    private final Organization organization;

    CasesController(CaseDesk desk, CaseListing listing, CaseIntake intake, ClientBook clients,
                    Organization organization) {
        this.desk = desk;
        this.listing = listing;
        this.intake = intake;
        this.clients = clients;
        this.organization = organization;
    }

    /** One line of the list. */
    record CaseRowView(long id, String subject, CaseStatus status, Channel channel, String clientName,
                       String storeName, String ownerName, String opened) {
    }

    /** The filters as chosen, echoed back into the form and the paging links. */
    record Filters(String status, String channel, boolean mine, Long owner, Long store, String q) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) Long store, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                @AuthenticationPrincipal SignedInAssociate me, Model model, HttpServletResponse response) {
        boolean onlyMine = owner == null && (mine != null ? mine : me.role() == Role.ASSOCIATE);
        Optional<CaseStatus> wantedStatus = parse(CaseStatus.class, status);
        Optional<Channel> wantedChannel = parse(Channel.class, channel);
        Optional<Long> wantedOwner = onlyMine ? Optional.of(me.id()) : Optional.ofNullable(owner);
        Optional<Long> wantedStore = me.isOwner() ? Optional.ofNullable(store) : Optional.empty();
        String text = q.strip();
        List<Long> named = text.isEmpty() ? List.of()
                : clients.search(text, me.storeScope()).stream().map(ClientSummary::id).toList();

        CaseListing.Page found = listing.list(new CaseListing.Query(wantedStore, wantedStatus, wantedChannel,
                wantedOwner, onlyMine, text, named, page), me.storeScope());
        Map<Long, StoreSummary> stores = organization.storesVisibleTo(me).stream()
                .collect(toMap(StoreSummary::id, Function.identity()));
        List<AssociateSummary> people = organization.associates(me.storeScope());
        Map<Long, String> names = people.stream().collect(toMap(AssociateSummary::id, AssociateSummary::name));
        Map<Long, ClientSummary> listed = clients.summaries(
                found.rows().stream().map(CaseListing.Row::customerId).distinct().toList(), me.storeScope());
        Formats fmt = Formats.current();
        List<CaseRowView> rows = found.rows().stream().map(r -> {
            ClientSummary listedClient = listed.get(r.customerId());
            String clientName = listedClient == null ? "#" + r.customerId() : listedClient.displayName();
            StoreSummary s = stores.get(r.storeId());
            ZoneId zone = s == null ? ZoneId.of("UTC") : s.timeZone();
            return new CaseRowView(r.id(), r.subject(), r.status(), r.channel(), clientName,
                    s == null ? "" : s.name(), r.ownerId() == null ? null : names.get(r.ownerId()),
                    fmt.dateTime(r.openedAt(), zone));
        }).toList();

        model.addAttribute("rows", rows);
        model.addAttribute("page", found.page());
        model.addAttribute("more", found.more());
        model.addAttribute("filters", new Filters(wantedStatus.map(Enum::name).orElse(""),
                wantedChannel.map(Enum::name).orElse(""), onlyMine, onlyMine ? null : owner,
                wantedStore.orElse(null), text));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("people", people.stream().filter(a -> a.storeId() != null && a.active()).toList());
        model.addAttribute("stores", stores.values().stream().sorted(java.util.Comparator.comparing(StoreSummary::name)).toList());
        model.addAttribute("showStore", me.isOwner() && stores.size() > 1);
        response.addHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "service/cases :: results" : "service/cases";
    }

    @GetMapping("/new")
    String newCase(@RequestParam(required = false) Long clientId, @ModelAttribute("caseForm") CaseForm form,
                   @AuthenticationPrincipal SignedInAssociate me, Model model) {
        CaseForm shown = form;
        if (clientId != null && form.customerId() == null) {
            shown = new CaseForm(form.storeId(), clientId, form.clientQuery(), form.firstName(), form.lastName(),
                    form.email(), form.phone(), form.channel(), form.subject(), form.message(), form.language());
            model.addAttribute("caseForm", shown);
        }
        return showForm(shown, me, model);
    }

    /** The client search inside the form, as the associate types (htmx). */
    @GetMapping("/new/clients")
    String clientChoices(@RequestParam(defaultValue = "") String clientQuery,
                         @RequestParam(required = false) Long customerId,
                         @AuthenticationPrincipal SignedInAssociate me, Model model) {
        model.addAttribute("caseForm", new CaseForm(null, customerId, clientQuery, "", "", "", "", null, "", "", ""));
        choices(clientQuery, customerId, me, model);
        return "service/case-new :: choices";
    }

    @PostMapping
    String open(@ModelAttribute("caseForm") CaseForm form, BindingResult errors,
                @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale) {
        form.check(errors);
        Optional<Client> existing = Optional.empty();
        if (!form.newClient()) {
            existing = clients.client(form.customerId(), me.storeScope());
            if (existing.isEmpty()) {
                errors.rejectValue("customerId", "cases.validation.clientGone");
            }
        }
        long store = existing.map(Client::storeId).orElseGet(() -> storeFor(form, me));
        if (organization.store(store).filter(s -> me.canSeeStore(s.id())).isEmpty()) {
            errors.rejectValue("storeId", "cases.validation.store");
        }
        if (errors.hasErrors()) {
            return showForm(form, me, model);
        }
        Language caseLanguage = form.parsedLanguage().orElse(null);
        CaseDraft draft = new CaseDraft(store, existing.map(Client::id).orElse(0L), me.id(),
                form.parsedChannel().orElseThrow(), form.subject(), caseLanguage, form.message());
        long id;
        if (existing.isPresent()) {
            id = desk.open(draft, me.storeScope());
        } else {
            Language clientLanguage = caseLanguage != null ? caseLanguage : Language.of(locale);
            Long keeper = me.storeId() != null && me.storeId() == store ? me.id() : null;
            id = intake.openForNewClient(new CaseIntake.NewClient(form.firstName(), form.lastName(),
                    form.email().isEmpty() ? null : form.email(), form.phone().isEmpty() ? null : form.phone(),
                    clientLanguage, keeper), draft, me.storeScope());
        }
        flash.addFlashAttribute("notice", "case.opened");
        return "redirect:/cases/" + id;
    }

    private long storeFor(CaseForm form, SignedInAssociate me) {
        if (me.storeScope().isPresent()) {
            return me.storeScope().get();
        }
        if (form.storeId() != null) {
            return form.storeId();
        }
        return organization.storesVisibleTo(me).stream().findFirst().map(StoreSummary::id).orElse(0L);
    }

    private String showForm(CaseForm form, SignedInAssociate me, Model model) {
        choices(form.clientQuery(), form.customerId(), me, model);
        model.addAttribute("channels", Channel.customerChannels());
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("chooseStore", me.isOwner());
        return "service/case-new";
    }

    /** The client already chosen (kept on top) and the clients matching what was typed. */
    private void choices(String query, Long chosenId, SignedInAssociate me, Model model) {
        Optional<Client> chosen = chosenId == null ? Optional.empty() : clients.client(chosenId, me.storeScope());
        List<ClientSummary> found = query == null || query.isBlank() ? List.of()
                : clients.search(query, me.storeScope()).stream()
                .filter(c -> chosen.map(x -> x.id() != c.id()).orElse(true)).limit(10).toList();
        model.addAttribute("chosenClient", chosen.orElse(null));
        model.addAttribute("clientResults", found);
        model.addAttribute("searched", query != null && !query.isBlank());
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
