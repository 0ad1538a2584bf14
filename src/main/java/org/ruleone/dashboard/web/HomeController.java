package org.ruleone.dashboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.clienteling.HomeNotices;
import org.ruleone.clienteling.Tasks;
import org.ruleone.ledger.LedgerFigures;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutboxHealth;
import org.ruleone.platform.Formats;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.purchases.ImportRun;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseStatus;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardBreaches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page. An associate's home is their book ({@code /book}, with today's tasks and open cases); a manager's
 * and an owner's is a small dashboard, one card per store they see (a manager: their store only), each figure a link
 * to the screen behind it.
 */
@Controller
class HomeController {

    /** How many cases or breaches a card counts before it says "N+". */
    static final int COUNT_LIMIT = 500;
    static final Duration BREACHES_OVER = Duration.ofDays(7);
    /** How many store cards the home shows before "show all": a chain's owner sees the neediest stores first. */
    static final int STORES_SHOWN = 24;

    private final Organization organization;
    private final CaseDesk cases;
    private final StandardBreaches breaches;
    private final Tasks tasks;
    private final PurchaseImports imports;
    private final Outbox outbox;
    private final LedgerFigures ledger;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<HomeNotices> notices;
    private final HomeCards cards;

    HomeController(Organization organization, CaseDesk cases, StandardBreaches breaches, Tasks tasks,
                   PurchaseImports imports, Outbox outbox, LedgerFigures ledger, MessageSource messages, Clock clock,
                   ObjectProvider<HomeNotices> notices, HomeCards cards) {
        this.cards = cards;
        this.notices = notices;
        this.ledger = ledger;
        this.organization = organization;
        this.cases = cases;
        this.breaches = breaches;
        this.tasks = tasks;
        this.imports = imports;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** One store's figures; a count equal to {@link #COUNT_LIMIT} reads "N+". */
    record StoreFigures(StoreSummary store, int openCases, int waitingCases, int breaches, int tasksDue,
                        int tasksOverdue, ImportRun lastImport, String spent) {

        public boolean many(int count) {
            return count >= COUNT_LIMIT;
        }
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInAssociate me, @RequestParam Optional<String> period,
                @RequestParam Optional<Long> store, @RequestParam(defaultValue = "false") boolean all, Model model,
                Locale locale) {
        if (!me.isManagerOrOwner()) {
            return "redirect:/book";
        }
        List<StoreSummary> visible = organization.storesVisibleTo(me);
        // a manager always sees their own store, whatever the link says; an owner every store or the one chosen
        Optional<StoreSummary> chosen = me.isOwner()
                ? store.flatMap(id -> visible.stream().filter(s -> s.id() == id).findFirst())
                : visible.stream().filter(s -> me.storeScope().orElse(-1L) == s.id()).findFirst();
        HomeCards.Period chosenPeriod = HomeCards.Period.of(period.orElse(""));
        ZoneId zone = chosen.or(() -> visible.stream().findFirst()).map(StoreSummary::timeZone)
                .orElse(ZoneOffset.UTC);
        model.addAttribute("period", chosenPeriod.name());
        model.addAttribute("periods", HomeCards.Period.values());
        model.addAttribute("chosenStore", chosen.map(StoreSummary::id).orElse(null));
        model.addAttribute("storeChoices", me.isOwner() ? visible : List.of());
        model.addAttribute("cards", cards.cards(chosen.map(StoreSummary::id), chosenPeriod,
                LocalDate.now(clock.withZone(zone)), zone, locale));
        Instant since = clock.instant().minus(BREACHES_OVER);
        List<StoreFigures> figures = figures(visible, since, me.storeScope(), locale);
        if (!all && figures.size() > STORES_SHOWN) {
            figures = figures.stream().sorted(NEEDIEST_FIRST).limit(STORES_SHOWN).toList();
            model.addAttribute("storesTotal", visible.size());
        }
        model.addAttribute("stores", figures);
        model.addAttribute("breachDays", BREACHES_OVER.toDays());
        model.addAttribute("notices", notices.orderedStream().flatMap(n -> n.notices(me.id(), locale).stream())
                .toList());
        if (me.isOwner()) {
            OutboxHealth health = outbox.health();
            model.addAttribute("outbox", health);
            model.addAttribute("outboxWords", health.warning().map(w -> messages.getMessage(w, locale)).orElse(null));
        }
        return "dashboard/home";
    }

    /** Standards missed, then overdue tasks, then open and waiting cases; then by name, as the full list is. */
    static final java.util.Comparator<StoreFigures> NEEDIEST_FIRST = java.util.Comparator
            .comparingInt(StoreFigures::breaches).reversed()
            .thenComparing(java.util.Comparator.comparingInt(StoreFigures::tasksOverdue).reversed())
            .thenComparing(java.util.Comparator.comparingInt((StoreFigures f) -> f.openCases() + f.waitingCases())
                    .reversed());

    /** Every card's figures, each kind read for all the stores at once (a chain has hundreds). */
    private List<StoreFigures> figures(List<StoreSummary> stores, Instant since, Optional<Long> scope,
                                       Locale locale) {
        List<Long> ids = stores.stream().map(StoreSummary::id).toList();
        Map<Long, Map<CaseStatus, Long>> caseCounts = cases.countsByStatus(ids,
                java.util.EnumSet.of(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER), scope);
        Map<Long, Integer> breached = breaches.countsSince(since, ids, COUNT_LIMIT);
        Map<Long, Tasks.DueCounts> taskCounts = tasks.duePerStore(stores);
        Map<Long, ImportRun> lastImports = imports.latestPerStore(ids);
        Map<Long, List<Money>> spent = ledger.spentThisMonth(stores);
        return stores.stream().map(store -> {
            Map<CaseStatus, Long> c = caseCounts.getOrDefault(store.id(), Map.of());
            Tasks.DueCounts t = taskCounts.get(store.id());
            return new StoreFigures(store, c.getOrDefault(CaseStatus.OPEN, 0L).intValue(),
                    c.getOrDefault(CaseStatus.WAITING_ON_CUSTOMER, 0L).intValue(),
                    breached.getOrDefault(store.id(), 0), t == null ? 0 : t.dueToday(), t == null ? 0 : t.overdue(),
                    lastImports.get(store.id()), money(spent.getOrDefault(store.id(), List.of()), locale));
        }).toList();
    }

    /** "145,00 zł + 20,00 €" in the reader's language; empty when nothing was spent. */
    private static String money(List<Money> spent, Locale locale) {
        Formats formats = Formats.of(locale);
        return String.join(" + ", spent.stream().map(formats::money).toList());
    }
}
