package org.ruleone.experience.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.internal.ComeBack;
import org.ruleone.experience.internal.ComeBack.Comparison;
import org.ruleone.experience.internal.ComeBack.Share;
import org.ruleone.experience.internal.ProofFigures;
import org.ruleone.experience.internal.ProofGroup;
import org.ruleone.experience.internal.ProofTally;
import org.ruleone.experience.internal.ProofWindow;
import org.ruleone.experience.internal.ProofWords;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.CsvCells;
import org.ruleone.platform.Formats;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Does experience bring them back?" at {@code /experience/proof}: per group of clients the share who bought again
 * within a window after their experience, with its interval, the comparisons in plain words, and a CSV export.
 * Everyone signed in may look: an owner at every store or one, a manager or an associate at their own store only.
 */
@Controller
@RequestMapping("/experience/proof")
class ProofController {

    /** Two years of experiences by default: long enough for the 365-day window to have ended for half of them. */
    static final int DEFAULT_MONTHS = 24;

    private final ProofFigures figures;
    private final Organization organization;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    ProofController(ProofFigures figures, Organization organization, MessageSource messages, JsonMapper json,
                    Clock clock) {
        this.figures = figures;
        this.organization = organization;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** What the page asks for; anything unreadable falls back to the default. */
    record ProofForm(Long store, Long associate, Integer window,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    record GroupView(String key, String label, String n, String back, String share, String interval, String leftOut,
                     boolean thin) {
    }

    record ComparisonView(String key, String title, String ratio, String sentence, String verdict) {
    }

    @GetMapping
    String page(@ModelAttribute ProofForm form, @AuthenticationPrincipal SignedInAssociate me, Model model,
                Locale locale) {
        ProofFigures.Slice slice = slice(form, me);
        ProofWindow window = window(form.window());
        ProofTally tally = figures.tally(slice, clock.instant());
        Formats fmt = Formats.of(locale);
        List<GroupView> groups = new ArrayList<>();
        for (ProofGroup g : ProofGroup.values()) {
            groups.add(group(g, tally.cell(window, g), fmt, locale));
        }
        List<ComparisonView> comparisons = new ArrayList<>();
        for (ProofGroup.Pair pair : ProofGroup.Pair.values()) {
            Comparison c = tally.comparison(window, pair);
            comparisons.add(new ComparisonView(pair.name(), text("experience.proof.vs", locale,
                    text("experience.proof.group." + pair.first(), locale),
                    text("experience.proof.group." + pair.second(), locale)),
                    ProofWords.ratioWithInterval(c, locale), sentence(c, pair, locale),
                    c.verdict().name().toLowerCase(Locale.ROOT)));
        }
        long counted = counted(tally, window, ProofTally.Cell::n);
        long leftOut = counted(tally, window, ProofTally.Cell::notEnded);
        model.addAttribute("groups", groups);
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("counted", fmt.number(counted));
        model.addAttribute("leftOut", fmt.number(leftOut));
        model.addAttribute("nothing", counted + leftOut == 0);
        model.addAttribute("chart", chart(tally, window, locale));
        model.addAttribute("minGroup", ComeBack.MIN_GROUP);
        model.addAttribute("windows", ProofWindow.values());
        model.addAttribute("window", window.days());
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("associates", slice.storeId().map(s -> organization.associates(Optional.of(s)))
                .orElse(List.of()));
        model.addAttribute("selectedStore", slice.storeId().orElse(null));
        model.addAttribute("selectedAssociate", slice.associateId().orElse(null));
        model.addAttribute("from", slice.from());
        model.addAttribute("to", slice.to());
        return "experience/proof";
    }

    /** Every window, group and comparison of the slice: one row each. */
    @GetMapping("/proof.csv")
    void csv(@ModelAttribute ProofForm form, @AuthenticationPrincipal SignedInAssociate me,
             HttpServletResponse response) throws IOException {
        ProofFigures.Slice slice = slice(form, me);
        ProofTally tally = figures.tally(slice, clock.instant());
        String store = slice.storeId().flatMap(organization::store).map(s -> s.name()).orElse("");
        String associate = slice.associateId().flatMap(organization::associate).map(AssociateSummary::name)
                .orElse("");
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"come-back-proof.csv\"");
        PrintWriter out = response.getWriter();
        out.print("store,associate,from,to,window_days,group,versus,clients,came_back,share,interval_low,"
                + "interval_high,left_out_window_not_ended,ratio,ratio_low,ratio_high,verdict\r\n");
        String prefix = String.join(",", CsvCells.cell(store), CsvCells.cell(associate), slice.from().toString(),
                slice.to().toString());
        for (ProofWindow w : ProofWindow.values()) {
            for (ProofGroup g : ProofGroup.values()) {
                ProofTally.Cell cell = tally.cell(w, g);
                Share share = cell.share();
                out.print(String.join(",", prefix, String.valueOf(w.days()), g.name(), "",
                        String.valueOf(cell.n()), String.valueOf(cell.back()), decimal(share.value()),
                        decimal(share.interval().map(ComeBack.Interval::low)),
                        decimal(share.interval().map(ComeBack.Interval::high)), String.valueOf(cell.notEnded()),
                        "", "", "", "") + "\r\n");
            }
            for (ProofGroup.Pair pair : ProofGroup.Pair.values()) {
                Comparison c = tally.comparison(w, pair);
                Optional<ComeBack.Ratio> ratio = c.ratio();
                out.print(String.join(",", prefix, String.valueOf(w.days()), pair.first().name(),
                        pair.second().name(), "", "", "", "", "", "",
                        decimal(ratio.map(ComeBack.Ratio::value)),
                        decimal(ratio.map(r -> r.interval().low())), decimal(ratio.map(r -> r.interval().high())),
                        c.verdict().name()) + "\r\n");
            }
        }
        out.flush();
    }

    // ---- the slice: who may see what

    private ProofFigures.Slice slice(ProofForm form, SignedInAssociate me) {
        FigureScope scope = FigureScope.of(form.store(), form.associate(), me, organization);
        LocalDate today = organization.today(scope.storeId());
        LocalDate to = form.to() == null ? today : form.to();
        LocalDate from = form.from() == null ? to.minusMonths(DEFAULT_MONTHS).plusDays(1) : form.from();
        if (from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        return new ProofFigures.Slice(scope.storeId(), scope.associateId(), from, to);
    }

    private static ProofWindow window(Integer days) {
        for (ProofWindow w : ProofWindow.values()) {
            if (days != null && w.days() == days) {
                return w;
            }
        }
        return ProofWindow.DAYS_90;
    }

    // ---- views

    private GroupView group(ProofGroup g, ProofTally.Cell cell, Formats fmt, Locale locale) {
        Share share = cell.share();
        return new GroupView(g.name(), text("experience.proof.group." + g, locale), fmt.number(cell.n()),
                fmt.number(cell.back()), share.value().map(v -> percent(v, locale)).orElse("–"),
                share.interval().map(i -> percent(i.low(), locale) + "–" + percent(i.high(), locale)).orElse("–"),
                fmt.number(cell.notEnded()), share.thin());
    }

    private String sentence(Comparison c, ProofGroup.Pair pair, Locale locale) {
        return ProofWords.sentence(c, text("experience.proof.who." + pair.first(), locale),
                text("experience.proof.who." + pair.second(), locale), messages, locale);
    }

    /** Clients of the window: those who answered "will you come back?" and those whose problem was resolved. */
    private static long counted(ProofTally tally, ProofWindow w, java.util.function.ToLongFunction<ProofTally.Cell> f) {
        long sum = 0;
        for (ProofGroup g : List.of(ProofGroup.PROMOTER, ProofGroup.PASSIVE, ProofGroup.DETRACTOR,
                ProofGroup.REMEDIED, ProofGroup.ANSWERED_ONLY)) {
            sum += f.applyAsLong(tally.cell(w, g));
        }
        return sum;
    }

    private String chart(ProofTally tally, ProofWindow window, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (ProofGroup g : ProofGroup.values()) {
            Share s = tally.cell(window, g).share();
            labels.add(text("experience.proof.group." + g, locale));
            share.add(s.value().map(ProofController::percentPoints).orElse(null));
            low.add(s.interval().map(i -> percentPoints(i.low())).orElse(null));
            high.add(s.interval().map(i -> percentPoints(i.high())).orElse(null));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("share", Map.of("label", text("experience.proof.table.share", locale), "data", share));
        chart.put("low", low);
        chart.put("high", high);
        chart.put("interval", text("experience.proof.table.interval", locale));
        return json.writeValueAsString(chart);
    }

    private static Double percentPoints(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    private static String percent(double share, Locale locale) {
        return ProofWords.decimals(share * 100, 0, locale) + " %";
    }

    private static String decimal(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.4f", v)).orElse("");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
