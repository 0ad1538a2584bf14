package org.ruleone.experience.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.MysteryVisitStatus;
import org.ruleone.experience.internal.MysteryResults;
import org.ruleone.experience.internal.MysteryResults.Cell;
import org.ruleone.experience.internal.MysteryResults.ItemFigure;
import org.ruleone.experience.internal.MysteryResults.ItemWords;
import org.ruleone.experience.internal.MysteryResults.Slice;
import org.ruleone.experience.internal.MysteryResults.Visit;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.CsvCells;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mystery-shopping results at {@code /experience/mystery} (ADR 0102): the accepted visits' score per store and
 * department and month (a chart and the same figures in a table), the weakest items, the flagged visits, the visits
 * with their answers, and all of it as CSV. A manager sees their store, the owner every store or one.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryResultsController {

    static final int VISITS_SHOWN = 50;
    /** The CSV reads the answers of this many visits at a time: a long export never holds them all. */
    static final int CSV_VISITS_AT_ONCE = 500;
    static final List<MysteryVisitStatus> ANSWERED = List.of(MysteryVisitStatus.ACCEPTED,
            MysteryVisitStatus.SUBMITTED, MysteryVisitStatus.RETURNED);

    private final MysteryResults results;
    private final MysteryResultsPages pages;
    private final Organization organization;
    private final JsonMapper json;

    MysteryResultsController(MysteryResults results, MysteryResultsPages pages, Organization organization,
                             JsonMapper json) {
        this.results = results;
        this.pages = pages;
        this.organization = organization;
        this.json = json;
    }

    /** What the page asks for; another store's id is not found. */
    record ResultsForm(Long store, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    /** One line of the chart and one column of the table: a store, or a department of it. */
    record SeriesView(String label, List<CellView> cells) {
    }

    /** A month of a series: the share earned (written, and as a number for the chart) and the visits it counts. */
    record CellView(String percent, Double value, long visits) {
    }

    record MonthView(String label, List<CellView> cells) {
    }

    record ItemView(String key, String text, String share, long answered, long na, long failed,
                    long criticalFailures) {
    }

    record AnswerView(String section, String item, String answer, String comment, String outcome, boolean critical) {
    }

    record VisitView(long id, String store, String where, String shopper, String visited, String checklist,
                     String score, boolean flagged, String status, String statusKey, List<AnswerView> answers) {
    }

    @GetMapping("/experience/mystery")
    String page(@ModelAttribute ResultsForm form, @AuthenticationPrincipal SignedInAssociate me, Model model,
                Locale locale) {
        Slice slice = pages.slice(form.store(), form.from(), form.to(), me);
        MysteryResultsPages.Stores stores = pages.stores();
        Formats fmt = Formats.of(locale);
        List<LocalDate> months = months(slice);
        List<SeriesView> series = series(slice, results.trend(slice), months, stores, locale);
        model.addAttribute("series", series);
        model.addAttribute("table", table(months, series, fmt));
        model.addAttribute("chart", chart(months, series, fmt));
        model.addAttribute("items", items(results.items(slice, true), Language.of(locale), locale));
        model.addAttribute("flagged", visits(results.flagged(slice, VISITS_SHOWN), stores, fmt, locale));
        List<Visit> visits = results.visits(slice, ANSWERED, Optional.empty(), VISITS_SHOWN + 1);
        model.addAttribute("visits", visits(visits.stream().limit(VISITS_SHOWN).toList(), stores, fmt, locale));
        model.addAttribute("moreVisits", visits.size() > VISITS_SHOWN);
        model.addAttribute("visitsShown", VISITS_SHOWN);
        model.addAttribute("waiting", results.waiting(slice.storeId()));
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", form.store());
        model.addAttribute("from", slice.from());
        model.addAttribute("to", slice.to());
        return "experience/mystery-results";
    }

    /** Every answer of every visit of the page's stores and period, one row per visit and item. */
    @GetMapping("/experience/mystery.csv")
    void csv(@ModelAttribute ResultsForm form, @AuthenticationPrincipal SignedInAssociate me,
             HttpServletResponse response, Locale locale) throws IOException {
        Slice slice = pages.slice(form.store(), form.from(), form.to(), me);
        MysteryResultsPages.Stores stores = pages.stores();
        Language language = Language.of(locale);
        List<Visit> visits = results.visits(slice, ANSWERED, Optional.empty(), Integer.MAX_VALUE);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"mystery-shopping.csv\"");
        PrintWriter out = response.getWriter();
        // a byte-order mark, so a spreadsheet reads the accents of the stores' and shoppers' names as UTF-8
        out.print('\uFEFF');
        out.print("visit_id,store,department,target_kind,business,visited_at,shopper,checklist,checklist_version,"
                + "status,section,item_key,item,answer,na,earned,possible,comment,visit_score,flagged\r\n");
        Map<Long, List<MysteryResults.Answer>> answers = Map.of();
        for (int i = 0; i < visits.size(); i++) {
            if (i % CSV_VISITS_AT_ONCE == 0) {
                answers = results.answers(visits.subList(i, Math.min(visits.size(), i + CSV_VISITS_AT_ONCE)).stream()
                        .map(Visit::id).toList());
            }
            Visit v = visits.get(i);
            String visited = v.visitedAt() == null ? ""
                    : v.visitedAt().atZone(stores.zone(v.storeId())).toOffsetDateTime().toString();
            for (MysteryResults.Answer a : answers.getOrDefault(v.id(), List.of())) {
                out.print(String.join(",", String.valueOf(v.id()), CsvCells.cell(stores.name(v.storeId())),
                        CsvCells.cell(v.department()), v.targetKind(), CsvCells.cell(v.businessName()), visited,
                        CsvCells.cell(v.shopper()), CsvCells.cell(v.checklist()), String.valueOf(v.version()),
                        v.status().name(), CsvCells.cell(a.section(language)), a.item().key(),
                        CsvCells.cell(a.item().text(language)),
                        a.answer().na() || a.answer().value() == null ? ""
                                : a.answer().value().stripTrailingZeros().toPlainString(),
                        String.valueOf(a.answer().na()), plain(a.result().earned()), plain(a.result().possible()),
                        CsvCells.cell(a.answer().comment()),
                        v.status() == MysteryVisitStatus.ACCEPTED && v.score() != null ? plain(v.score()) : "",
                        String.valueOf(v.flagged())) + "\r\n");
            }
        }
        out.flush();
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    // ---- the trend

    static List<LocalDate> months(Slice slice) {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = slice.from().withDayOfMonth(1); !m.isAfter(slice.to()); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /**
     * Every store when the page shows every store; one store and its departments when it shows one. The figures are
     * earned over possible weight of the month's accepted visits (ADR 0102).
     */
    private List<SeriesView> series(Slice slice, List<Cell> cells, List<LocalDate> months,
                                     MysteryResultsPages.Stores stores, Locale locale) {
        Map<String, Map<LocalDate, Cell>> byLine = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        boolean oneStore = slice.storeId().isPresent();
        TreeSet<String> departments = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        cells.stream().filter(c -> c.department() != null).forEach(c -> departments.add(c.department()));
        for (Cell c : cells.stream().filter(c -> c.department() == null).toList()) {
            String line = "store:" + c.storeId();
            labels.putIfAbsent(line, stores.name(c.storeId()));
            byLine.computeIfAbsent(line, k -> new LinkedHashMap<>()).put(c.month(), c);
        }
        if (oneStore) {
            for (String department : departments) {
                labels.put("department:" + department,
                        pages.text("experience.mystery.results.department", locale, department));
            }
            for (Cell c : cells.stream().filter(c -> c.department() != null).toList()) {
                byLine.computeIfAbsent("department:" + c.department(), k -> new LinkedHashMap<>()).put(c.month(), c);
            }
        }
        List<SeriesView> series = new ArrayList<>();
        labels.forEach((line, label) -> {
            Map<LocalDate, Cell> of = byLine.getOrDefault(line, Map.of());
            series.add(new SeriesView(label, months.stream().map(m -> Optional.ofNullable(of.get(m))
                    .map(c -> new CellView(MysteryResultsPages.percent(c.percent(), locale),
                            c.percent().map(p -> p.setScale(1, RoundingMode.HALF_UP).doubleValue())
                                    .orElse(null), c.visits()))
                    .orElse(new CellView("—", null, 0))).toList()));
        });
        if (!oneStore) {
            series.sort(Comparator.comparing(SeriesView::label, String.CASE_INSENSITIVE_ORDER));
        }
        return series;
    }

    private static List<MonthView> table(List<LocalDate> months, List<SeriesView> series, Formats fmt) {
        List<MonthView> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            int month = i;
            List<CellView> cells = series.stream().map(s -> s.cells().get(month)).toList();
            if (cells.stream().anyMatch(c -> c.visits() > 0)) {
                rows.add(new MonthView(fmt.month(months.get(i)), cells));
            }
        }
        return rows;
    }

    /** Chart.js data, read by mystery-results.js from a data attribute: no inline script, names only as text. */
    private String chart(List<LocalDate> months, List<SeriesView> series, Formats fmt) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", months.stream().map(fmt::month).toList());
        chart.put("series", series.stream().map(s -> Map.of("label", s.label(), "data",
                s.cells().stream().map(CellView::value).toList())).toList());
        return json.writeValueAsString(chart);
    }

    // ---- items and visits

    private List<ItemView> items(List<ItemFigure> figures, Language language, Locale locale) {
        Map<String, ItemWords> words = results.words(figures.stream().map(ItemFigure::key).toList());
        return figures.stream().map(f -> new ItemView(f.key(),
                Optional.ofNullable(words.get(f.key())).map(w -> w.text(language)).orElse(f.key()),
                MysteryResultsPages.percent(f.percent(), locale), f.answered(), f.na(), f.failed(),
                f.criticalFailures())).toList();
    }

    private List<VisitView> visits(List<Visit> visits, MysteryResultsPages.Stores stores, Formats fmt,
                                   Locale locale) {
        Language language = Language.of(locale);
        Map<Long, List<MysteryResults.Answer>> answers = results.answers(visits.stream().map(Visit::id).toList());
        return visits.stream().map(v -> new VisitView(v.id(), stores.name(v.storeId()), pages.where(v, locale),
                v.shopper(), v.visitedAt() == null ? "" : fmt.date(v.visitedAt(), stores.zone(v.storeId())),
                pages.text("experience.mystery.results.version", locale, v.checklist(), v.version()),
                v.status() == MysteryVisitStatus.ACCEPTED
                        ? MysteryResultsPages.percent(Optional.ofNullable(v.score()), locale) : "—",
                v.flagged(), pages.text("experience.mystery.results.status." + v.status().name(), locale),
                v.status().name(),
                answers.getOrDefault(v.id(), List.of()).stream().map(a -> new AnswerView(a.section(language),
                        a.item().text(language), pages.answer(a.item(), a.answer(), locale), a.answer().comment(),
                        a.result().outcome().name(), a.item().critical())).toList())).toList();
    }
}
