package org.ruleone.ledger.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.ledger.internal.StoreCosts;
import org.ruleone.ledger.internal.TooLittleReview;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Money;
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
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The "spend my money" ledger (page and CSV) and the "too little" review, for managers and owners. */
@Controller
@RequestMapping("/service/reports")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class LedgerController {

    static final List<Integer> PERIODS_MONTHS = List.of(3, 6, 12, 24);

    private final SpendLedger ledger;
    private final StoreCosts storeCosts;
    private final TooLittleReview review;
    private final Organization organization;
    private final ClientBook clients;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    LedgerController(SpendLedger ledger, StoreCosts storeCosts, TooLittleReview review, Organization organization,
                     ClientBook clients, MessageSource messages, JsonMapper json, Clock clock) {
        this.ledger = ledger;
        this.storeCosts = storeCosts;
        this.review = review;
        this.organization = organization;
        this.clients = clients;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A ledger line as shown: names instead of ids, the kinds in a fixed order. */
    record Row(SpendLedger.Line line, String store, String associate, List<Money> byKind) {
    }

    /** A store's cost that is not spent on customers (mystery shoppers' rewards), as shown. */
    record CostRow(StoreCosts.Line line, String store) {
    }

    /** One currency's chart: its caption, its totals over the period and its data for Chart.js. */
    record ChartView(String currency, String caption, String total, String data) {
    }

    @GetMapping("/ledger")
    String ledger(@RequestParam Optional<Long> store, @RequestParam(defaultValue = "12") int months,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Optional<Long> scope = scope(store, me);
        int period = PERIODS_MONTHS.contains(months) ? months : 12;
        List<SpendLedger.Line> lines = ledger.since(start(period), scope);
        List<String> kinds = kinds(lines);
        Map<Long, String> storeNames = storeNames();
        Map<Long, String> associateNames = associateNames();
        List<Row> rows = lines.stream().map(l -> row(l, kinds, storeNames, associateNames)).toList();
        Formats fmt = Formats.of(locale);
        List<ChartView> charts = new ArrayList<>();
        for (LedgerCharts.CurrencyChart c : LedgerCharts.of(lines)) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("labels", c.months().stream().map(fmt::month).toList());
            chart.put("series", List.of(
                    Map.of("label", text("ledger.spent", locale), "data", c.spentPerMonth()),
                    Map.of("label", text("ledger.cameBack", locale), "data", c.cameBackPerMonth())));
            charts.add(new ChartView(c.code(), text("ledger.chart", locale, c.code()),
                    text("ledger.total", locale, c.code(), fmt.money(c.spent()), fmt.money(c.cameBack())),
                    json.writeValueAsString(chart)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("storeCosts", storeCosts.since(start(period), scope).stream()
                .map(c -> new CostRow(c, storeNames.getOrDefault(c.storeId(), "#" + c.storeId()))).toList());
        model.addAttribute("kinds", kinds);
        model.addAttribute("charts", charts);
        model.addAttribute("months", period);
        model.addAttribute("periods", PERIODS_MONTHS);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", scope.orElse(null));
        return "ledger/ledger";
    }

    @GetMapping(value = "/ledger.csv")
    void csv(@RequestParam Optional<Long> store, @RequestParam(defaultValue = "12") int months,
             @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response) throws IOException {
        Optional<Long> scope = scope(store, me);
        int period = PERIODS_MONTHS.contains(months) ? months : 12;
        List<SpendLedger.Line> lines = ledger.since(start(period), scope);
        List<String> kinds = kinds(lines);
        Map<Long, String> storeNames = storeNames();
        Map<Long, String> associateNames = associateNames();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"spend-ledger.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        List<String> header = new ArrayList<>(List.of("month", "store", "associate", "currency", "resolutions", "spent"));
        kinds.forEach(k -> header.add("spent_" + k.toLowerCase(Locale.ROOT)));
        header.addAll(List.of("customers", "customers_back", "came_back", "cost_kind", "cost_count"));
        out.print(String.join(",", header) + "\r\n");
        for (SpendLedger.Line l : lines) {
            Row r = row(l, kinds, storeNames, associateNames);
            List<String> cells = new ArrayList<>(List.of(l.month().toString(), csvCell(r.store()), csvCell(r.associate()),
                    l.currency().getCurrencyCode(), String.valueOf(l.resolutions()),
                    l.spent().amount().toPlainString()));
            r.byKind().forEach(v -> cells.add(v.amount().toPlainString()));
            cells.addAll(List.of(String.valueOf(l.customers()), String.valueOf(l.customersBack()),
                    l.cameBack().amount().toPlainString(), "", ""));
            out.print(String.join(",", cells) + "\r\n");
        }
        // The stores' other costs (mystery shoppers' rewards) on lines of their own: no associate, no resolution,
        // the sum under "spent" (empty for gifts given without a value), their kind and how many.
        for (StoreCosts.Line c : storeCosts.since(start(period), scope)) {
            List<String> cells = new ArrayList<>(List.of(c.month().toString(),
                    csvCell(storeNames.getOrDefault(c.storeId(), "#" + c.storeId())), "",
                    c.currency() == null ? "" : c.currency(), "",
                    c.paid() == null ? "" : c.paid().amount().toPlainString()));
            kinds.forEach(k -> cells.add(""));
            cells.addAll(List.of("", "", "", c.kind(), String.valueOf(c.count())));
            out.print(String.join(",", cells) + "\r\n");
        }
        out.flush();
    }

    /** Quotes a cell when needed and defuses what a spreadsheet would run as a formula. */
    static String csvCell(String value) {
        return org.ruleone.platform.CsvCells.cell(value);
    }

    // ---- the review

    /**
     * A finding as shown; for a later case of the client, {@code sameProblem} is the manager's judgement
     * ({@code null} until judged).
     */
    record FindingView(String kind, String text, Long otherCaseId, Boolean sameProblem) {

        public boolean laterCase() {
            return "SECOND_CONTACT".equals(kind);
        }
    }

    /** A case in the review, as shown; {@code setAside} when its only findings are later cases on another topic. */
    record ReviewView(long caseId, String store, String customer, String subject, String opened, String owner,
                      List<FindingView> findings, boolean setAside) {
    }

    /** A client's unhappy survey answer nobody followed up: who served, when, the scores and the comment. */
    record UnhappyView(String store, String customer, String servedBy, String answered, Integer comeBack,
                       Integer satisfaction, String comment, Long caseId) {
    }

    @GetMapping("/review")
    String review(@RequestParam Optional<Long> store, @RequestParam(defaultValue = "90") int days,
                  @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Optional<Long> scope = scope(store, me);
        int period = List.of(30, 90, 365).contains(days) ? days : 90;
        Map<Long, String> storeNames = storeNames();
        Map<Long, String> associateNames = associateNames();
        Map<Long, ZoneId> zones = new HashMap<>();
        organization.stores().forEach(s -> zones.put(s.id(), s.timeZone()));
        Map<Long, String> customers = new HashMap<>();
        List<ReviewView> views = new ArrayList<>();
        // The figures: cases with at least one finding of a kind that counts; a later case of the client counts
        // only once a manager judged it the same problem.
        Map<String, Integer> figures = new java.util.LinkedHashMap<>();
        for (TooLittleReview.Kind k : TooLittleReview.Kind.values()) {
            figures.put(k.name(), 0);
        }
        int toJudge = 0;
        for (TooLittleReview.Item item : review.since(clock.instant().minus(Duration.ofDays(period)), scope)) {
            var c = item.serviceCase();
            ZoneId zone = zones.getOrDefault(c.storeId(), ZoneOffset.UTC);
            List<FindingView> findings = item.findings().stream()
                    .map(f -> new FindingView(f.kind().name(), finding(f, zone, associateNames, locale), f.otherCaseId(),
                            f.sameProblem()))
                    .toList();
            item.findings().stream().filter(TooLittleReview.Finding::counts).map(f -> f.kind().name()).distinct()
                    .forEach(k -> figures.merge(k, 1, Integer::sum));
            toJudge += (int) item.findings().stream()
                    .filter(f -> f.kind() == TooLittleReview.Kind.SECOND_CONTACT && f.sameProblem() == null).count();
            boolean setAside = item.findings().stream().allMatch(TooLittleReview.Finding::setAside);
            views.add(new ReviewView(c.id(), storeNames.getOrDefault(c.storeId(), ""),
                    customers.computeIfAbsent(c.customerId(), id -> clients.client(id, me.storeScope())
                            .map(Client::displayName).orElse("#" + id)),
                    c.subject() == null ? "" : c.subject(), when(c.openedAt(), zone, locale),
                    c.ownerId() == null ? text("ledger.nobody", locale) : associateNames.getOrDefault(c.ownerId(), ""),
                    findings, setAside));
        }
        // Cases whose later cases were all judged another topic go last, set aside (and can be judged again).
        List<ReviewView> shown = new ArrayList<>(views.stream().filter(v -> !v.setAside()).toList());
        shown.addAll(views.stream().filter(ReviewView::setAside).toList());
        List<UnhappyView> unhappy = review.unhappyWithoutFollowUp(clock.instant().minus(Duration.ofDays(period)), scope)
                .stream().map(a -> new UnhappyView(storeNames.getOrDefault(a.storeId(), ""),
                        customers.computeIfAbsent(a.customerId(), id -> clients.client(id, me.storeScope())
                                .map(Client::displayName).orElse("#" + id)),
                        a.associateId() == null ? text("ledger.nobody", locale)
                                : associateNames.getOrDefault(a.associateId(), "#" + a.associateId()),
                        when(a.answeredAt(), zones.getOrDefault(a.storeId(), ZoneOffset.UTC), locale),
                        a.comeBack(), a.satisfaction(), a.comment(), a.caseId()))
                .toList();
        figures.put("UNHAPPY_WITHOUT_FOLLOW_UP", unhappy.size());
        model.addAttribute("unhappy", unhappy);
        model.addAttribute("items", shown);
        model.addAttribute("setAsideCount", shown.size() - views.stream().filter(v -> !v.setAside()).count());
        model.addAttribute("figures", figures);
        model.addAttribute("toJudge", toJudge);
        model.addAttribute("days", period);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", scope.orElse(null));
        return "ledger/review";
    }

    /** A manager's judgement of a client's later case: the same problem back (counted) or another topic. */
    @PostMapping("/review/judgements")
    String judge(@RequestParam long caseId, @RequestParam long otherCaseId, @RequestParam boolean sameProblem,
                 @RequestParam Optional<Long> store, @RequestParam(defaultValue = "90") int days,
                 @AuthenticationPrincipal SignedInAssociate me) {
        Optional<Long> scope = scope(store, me);
        if (!review.judge(caseId, otherCaseId, sameProblem, me.id(), scope, clock.instant())) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return "redirect:/service/reports/review?days=" + days + store.map(s -> "&store=" + s).orElse("")
                + "#case-" + caseId;
    }

    private String finding(TooLittleReview.Finding f, ZoneId zone, Map<Long, String> associates, Locale locale) {
        String who = f.associateId() == null ? text("ledger.nobody", locale)
                : associates.getOrDefault(f.associateId(), "#" + f.associateId());
        String at = when(f.at(), zone, locale);
        return switch (f.kind()) {
            case NO_REMEDY -> text("ledger.review.noRemedy", locale, who, at, kindName(f.detail(), locale),
                    Formats.of(locale).money(f.cost()), f.judgment());
            case SECOND_CONTACT -> text("ledger.review.secondContact", locale, at, String.valueOf(f.otherCaseId()),
                    daysBetween(f.since(), f.at(), zone), when(f.since(), zone, locale), who,
                    f.detail() == null || f.detail().isBlank() ? text("ledger.review.noSubject", locale) : f.detail());
            case REOPENED -> text("ledger.review.reopened." + f.detail(), locale, at,
                    daysBetween(f.since(), f.at(), zone), when(f.since(), zone, locale));
            // The phone standard has no due time: the call is what was missed, at the time it rang.
            case BREACH_WITHOUT_APOLOGY -> text("PHONE_ANSWER".equals(f.detail()) ? "ledger.review.breach.call"
                            : "ledger.review.breach", locale,
                    text("ledger.standard." + f.detail(), locale), when(f.since(), zone, locale), who);
        };
    }

    // ---- helpers

    private Instant start(int months) {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(months - 1L).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).minusDays(1).toInstant();
    }

    private Optional<Long> scope(Optional<Long> store, SignedInAssociate me) {
        if (store.isPresent()) {
            if (!me.canSeeStore(store.get()) || organization.store(store.get()).isEmpty()) {
                throw new ResponseStatusException(NOT_FOUND);
            }
            return store;
        }
        return me.storeScope();
    }

    private static List<String> kinds(List<SpendLedger.Line> lines) {
        TreeSet<String> kinds = new TreeSet<>();
        for (ResolutionKind k : ResolutionKind.values()) {
            kinds.add(k.name());
        }
        lines.forEach(l -> kinds.addAll(l.spentByKind().keySet()));
        return List.copyOf(kinds);
    }

    private static Row row(SpendLedger.Line l, List<String> kinds, Map<Long, String> stores, Map<Long, String> associates) {
        return new Row(l, stores.getOrDefault(l.storeId(), "#" + l.storeId()),
                associates.getOrDefault(l.associateId(), "#" + l.associateId()),
                kinds.stream().map(k -> l.spentByKind().getOrDefault(k, Money.zero(l.currency()))).toList());
    }

    private Map<Long, String> storeNames() {
        Map<Long, String> names = new HashMap<>();
        for (StoreSummary s : organization.stores()) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    private Map<Long, String> associateNames() {
        Map<Long, String> names = new HashMap<>();
        organization.associates(Optional.empty()).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    String kindName(String kind, Locale locale) {
        return messages.getMessage("ledger.kind." + kind, null, kind, locale);
    }

    static String money(BigDecimal amount, Locale locale) {
        return Formats.of(locale).amount(amount == null ? BigDecimal.ZERO : amount);
    }

    /** Calendar days in the store's time zone, as people count "4 days later". */
    private static long daysBetween(Instant from, Instant to, ZoneId zone) {
        return java.time.temporal.ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
    }

    private static String when(Instant at, ZoneId zone, Locale locale) {
        return Formats.of(locale).dateTime(at, zone);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
