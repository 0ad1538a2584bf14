package org.ruleone.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.ruleone.platform.Formats;
import org.ruleone.service.AlterationStatus;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.RecordedResolution;
import org.ruleone.service.ReplyMailDelays;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.internal.ItemMatch;
import org.ruleone.service.internal.LostAndFound;
import org.ruleone.service.internal.LostReport;
import org.ruleone.service.internal.StoreCurrency;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;
import org.springframework.stereotype.Component;

/**
 * What every screen of a case shows: the case found in the person's store scope (another store's case does not
 * exist here), and the whole page's model: who, where, the facts other modules know, the conversation with its
 * internal notes, files, resolutions and lost items. The controllers of the page's forms show it again when a form
 * is refused.
 */
@Component
class CasePage {

    private final CaseDesk desk;
    private final LostAndFound lostAndFound;
    private final ClientBook clients;
    private final Organization organization;
    private final ObjectProvider<CaseFactsSource> factSources;
    private final ObjectProvider<ReplyMailDelays> mailDelays;
    private final MessageSource messages;
    private final java.time.Clock clock;

    CasePage(CaseDesk desk, LostAndFound lostAndFound, ClientBook clients, Organization organization,
             ObjectProvider<CaseFactsSource> factSources, ObjectProvider<ReplyMailDelays> mailDelays,
             MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.lostAndFound = lostAndFound;
        this.clients = clients;
        this.organization = organization;
        this.factSources = factSources;
        this.mailDelays = mailDelays;
        this.messages = messages;
    }

    record CaseView(long id, String subject, CaseStatus status, String channel, String language, String opened,
                    long clientId, String clientName, String storeName, Long ownerId, String ownerName,
                    int timesReopened) {

        public boolean resolved() {
            return status == CaseStatus.RESOLVED;
        }
    }

    record MessageView(String author, boolean customer, boolean internal, String body, String at) {
    }

    record ResolutionView(long id, ResolutionKind kind, BigDecimal cost, String currency, String judgment,
                          String by, String at, List<String> details, AlterationStatus alteration) {

        public boolean canBeReady() {
            return alteration == AlterationStatus.ORDERED;
        }

        public boolean canBeCollected() {
            return alteration == AlterationStatus.ORDERED || alteration == AlterationStatus.READY;
        }
    }

    record AttachmentView(long id, String fileName, String size, String by, String at) {
    }

    record MatchView(long itemId, String what, String description, String foundWhere, String foundAt,
                     String foundBy, int percent) {
    }

    ServiceCase find(long id, SignedInAssociate me) {
        return desk.find(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    void populate(ServiceCase c, SignedInAssociate me, Model model, Locale locale) {
        StoreSummary store = organization.store(c.storeId()).orElseThrow();
        ZoneId zone = store.timeZone();
        Formats fmt = Formats.of(locale);
        Map<Long, String> names = new HashMap<>();
        java.util.function.Function<Long, String> name = associateId -> associateId == null ? null
                : names.computeIfAbsent(associateId, a -> organization.associate(a).map(AssociateSummary::name).orElse("#" + a));
        Optional<Client> client = clients.client(c.customerId(), Optional.empty());
        String clientName = client.map(Client::displayName).orElse("#" + c.customerId());

        model.addAttribute("serviceCase", new CaseView(c.id(), c.subject(), c.status(), c.channel().name(),
                c.language().code(), fmt.dateTime(c.openedAt(), zone), c.customerId(), clientName, store.name(),
                c.ownerId(), name.apply(c.ownerId()), c.timesReopened()));
        model.addAttribute("facts", facts(c.id(), locale));
        model.addAttribute("mailDelay", mailDelay(c.id(), locale).orElse(null));
        model.addAttribute("messages", c.messages().stream().map(m -> new MessageView(
                m.associateId() == null ? clientName : name.apply(m.associateId()), m.associateId() == null,
                m.internal(), m.body(), fmt.dateTime(m.createdAt(), zone))).toList());
        model.addAttribute("resolutions", c.resolutions().stream().map(r -> resolutionView(r, name, zone, locale)).toList());
        model.addAttribute("attachments", desk.attachments(c.id(), me.storeScope()).stream()
                .map(a -> new AttachmentView(a.id(), a.fileName(), size(a.size()),
                        a.associateId() == null ? clientName : name.apply(a.associateId()),
                        fmt.dateTime(a.createdAt(), zone))).toList());
        model.addAttribute("maxAttachmentMb", CaseDesk.MAX_ATTACHMENT_BYTES / (1024 * 1024));
        model.addAttribute("colleagues", organization.associates(Optional.of(c.storeId())).stream()
                .filter(AssociateSummary::active).toList());
        model.addAttribute("kinds", ResolutionKind.values());
        String currency = StoreCurrency.of(store);
        model.addAttribute("storeCurrency", currency);
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", ResolveForm.empty(currency));
        }
        if (!model.containsAttribute("resolveProblems")) {
            model.addAttribute("resolveProblems", Map.of());
        }
        Optional<LostReport> report = lostAndFound.reportOf(c.id(), me.storeScope());
        model.addAttribute("lostReport", report.orElse(null));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)).toString());
        model.addAttribute("matches", report.isEmpty() || c.status() == CaseStatus.RESOLVED ? List.of()
                : lostAndFound.matches(c.id(), me.storeScope()).stream().map(m -> matchView(m, zone, fmt)).toList());
    }

    Optional<String> mailDelay(long caseId, Locale locale) {
        return mailDelays.orderedStream().map(d -> d.delay(caseId, locale)).flatMap(Optional::stream).findFirst();
    }

    private List<CaseFact> facts(long caseId, Locale locale) {
        List<CaseFact> facts = new ArrayList<>();
        factSources.orderedStream().forEach(s -> facts.addAll(s.facts(caseId, locale)));
        return facts;
    }

    private ResolutionView resolutionView(RecordedResolution r, java.util.function.Function<Long, String> name,
                                          ZoneId zone, Locale locale) {
        Formats fmt = Formats.of(locale);
        List<String> details = new ArrayList<>();
        AlterationStatus alteration = null;
        switch (r.resolution().details()) {
            case ResolutionDetails.Refund refund -> {
                if (refund.goodsNeverSold()) {
                    details.add(text("resolution.detail.neverSold", locale));
                }
            }
            case ResolutionDetails.Replacement rep ->
                    details.add(text("resolution.detail.shipped", locale, rep.carrier(), rep.tracking()));
            case ResolutionDetails.Alteration alt -> {
                details.add(text("resolution.detail.promised", locale, fmt.dateTime(alt.promisedAt(), zone)));
                details.add(text("alteration.status." + alt.status().name(), locale));
                alteration = alt.status();
            }
            case ResolutionDetails.Visit visit ->
                    details.add(text("resolution.detail.visit", locale, fmt.dateTime(visit.visitAt(), zone)));
            case ResolutionDetails.FoundItem found -> details.add(text("resolution.detail.found", locale,
                    found.item() + (found.itemId() == null ? "" : " (#" + found.itemId() + ")")));
            case ResolutionDetails.None none -> {
            }
        }
        return new ResolutionView(r.id() == null ? 0 : r.id(), r.resolution().kind(), r.resolution().cost().amount(),
                r.resolution().currency(), r.judgment(), name.apply(r.associateId()),
                fmt.dateTime(r.createdAt(), zone), details, alteration);
    }

    private MatchView matchView(ItemMatch m, ZoneId zone, Formats fmt) {
        var item = m.item();
        return new MatchView(item.id(), item.what(), item.description(), item.foundWhere(),
                fmt.dateTime(item.foundAt(), zone), item.foundBy(), (int) Math.round(m.score() * 100));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
