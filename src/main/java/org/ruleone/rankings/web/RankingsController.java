package org.ruleone.rankings.web;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.ruleone.rankings.Ranking.Ranked;
import org.ruleone.rankings.Rankings;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The power rankings at {@code /rankings}: the ranked table of a store (or, for the owner, the chain) for a month or
 * a quarter, each component's 0–100 value with a marker for thin data and a sentence why, the weights in force, and
 * each associate's rank over the last periods as a chart with its table.
 */
@Controller
class RankingsController {

    static final int PERIODS_CHARTED = 6;
    static final int MONTHS_OFFERED = 12;

    private final Rankings rankings;
    private final Organization organization;
    private final MessageSource messages;
    private final JsonMapper json;

    RankingsController(Rankings rankings, Organization organization, MessageSource messages, JsonMapper json) {
        this.rankings = rankings;
        this.organization = organization;
        this.messages = messages;
        this.json = json;
    }

    record ComponentView(String name, long value, boolean thin, long dataPoints) {
    }

    record RowView(int rank, String name, String score, List<ComponentView> components, String sentence) {
    }

    record PeriodOption(String key, String label) {
    }

    record HistoryRow(String name, List<String> ranks) {
    }

    @GetMapping("/rankings")
    String page(@RequestParam(required = false) Long store, @RequestParam(required = false) String period,
                @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Optional<Long> shown = store != null ? Optional.of(store)
                : me.isOwner() ? Optional.empty() : Optional.ofNullable(me.storeId());
        if (!Rankings.mayView(me, shown) || shown.isPresent() && organization.store(shown.get()).isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        YearMonth thisMonth = rankings.thisMonth();
        Period chosen = Period.parse(period).orElse(Period.month(thisMonth));
        List<Ranking> history = rankings.lastPeriods(shown, chosen, PERIODS_CHARTED);
        Ranking ranking = history.getLast();
        Formats fmt = Formats.of(locale);
        int peers = ranking.rows().size();
        model.addAttribute("rows", ranking.rows().stream().map(r -> row(r, peers, locale)).toList());
        model.addAttribute("components", Component.values());
        model.addAttribute("weights", ranking.weights());
        model.addAttribute("thinBelow", Ranking.THIN_BELOW);
        model.addAttribute("anyThin", ranking.rows().stream()
                .anyMatch(r -> r.components().values().stream().anyMatch(Ranking.Scaled::thin)));
        model.addAttribute("period", chosen);
        model.addAttribute("periodLabel", label(chosen, fmt, locale));
        model.addAttribute("periods", options(thisMonth, chosen, fmt, locale));
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", shown.orElse(null));
        model.addAttribute("mayChooseStore", me.isOwner());
        model.addAttribute("historyLabels", history.stream().map(h -> label(h.period(), fmt, locale)).toList());
        model.addAttribute("historyRows", historyRows(ranking, history));
        model.addAttribute("chart", chart(ranking, history, fmt, locale));
        return "rankings/rankings";
    }

    private RowView row(Ranked r, int peers, Locale locale) {
        List<ComponentView> components = new ArrayList<>();
        for (Component c : Component.values()) {
            Ranking.Scaled s = r.components().get(c);
            components.add(new ComponentView(text(c.messageKey(), locale), Math.round(s.value()), s.thin(),
                    s.dataPoints()));
        }
        return new RowView(r.rank(), r.name(), String.format(locale, "%.1f", r.score()), components,
                sentence(r, peers, locale));
    }

    /** "Ranked 2 of 7: strongest in experience (92) and heroics (80); weakest in sales (10) and training (25)." */
    String sentence(Ranked r, int peers, Locale locale) {
        if (r.strongest().isEmpty()) {
            return messages.getMessage("rankings.sentence.nothingWeighs", new Object[] {r.rank(), peers}, locale);
        }
        if (r.weakest().isEmpty()) {
            return messages.getMessage("rankings.sentence.strongestOnly", new Object[] {r.rank(), peers,
                    listed(r.strongest(), r, locale)}, locale);
        }
        return messages.getMessage("rankings.sentence", new Object[] {r.rank(), peers,
                listed(r.strongest(), r, locale), listed(r.weakest(), r, locale)}, locale);
    }

    private String listed(List<Component> components, Ranked r, Locale locale) {
        List<String> parts = components.stream().map(c -> messages.getMessage("rankings.sentence.part",
                new Object[] {text(c.messageKey() + ".lower", locale),
                        Math.round(r.components().get(c).value())}, locale)).toList();
        return parts.size() == 1 ? parts.getFirst()
                : messages.getMessage("rankings.sentence.and", new Object[] {parts.get(0), parts.get(1)}, locale);
    }

    private List<PeriodOption> options(YearMonth thisMonth, Period chosen, Formats fmt, Locale locale) {
        List<PeriodOption> options = new ArrayList<>();
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            Period p = Period.month(thisMonth.minusMonths(i));
            options.add(new PeriodOption(p.key(), label(p, fmt, locale)));
        }
        Period quarter = Period.quarterOf(thisMonth);
        for (int i = 0; i < 4; i++) {
            options.add(new PeriodOption(quarter.key(), label(quarter, fmt, locale)));
            quarter = quarter.previous();
        }
        if (options.stream().noneMatch(o -> o.key().equals(chosen.key()))) {
            options.add(0, new PeriodOption(chosen.key(), label(chosen, fmt, locale)));
        }
        return options;
    }

    private String label(Period p, Formats fmt, Locale locale) {
        if (!p.quarter()) {
            return fmt.month(p.first());
        }
        return messages.getMessage("rankings.quarter", new Object[] {(p.first().getMonthValue() - 1) / 3 + 1,
                String.valueOf(p.first().getYear())}, locale);
    }

    private static List<HistoryRow> historyRows(Ranking current, List<Ranking> history) {
        List<Map<Long, Integer>> ranks = history.stream().map(RankingsController::ranks).toList();
        return current.rows().stream().map(r -> new HistoryRow(r.name(), ranks.stream()
                .map(m -> m.containsKey(r.associateId()) ? String.valueOf(m.get(r.associateId())) : "–")
                .toList())).toList();
    }

    private String chart(Ranking current, List<Ranking> history, Formats fmt, Locale locale) {
        List<Map<Long, Integer>> ranks = history.stream().map(RankingsController::ranks).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (Ranked r : current.rows()) {
            series.add(Map.of("label", r.name(), "data",
                    ranks.stream().map(m -> m.get(r.associateId())).toList()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", history.stream().map(h -> label(h.period(), fmt, locale)).toList());
        chart.put("series", series);
        chart.put("rankLabel", text("rankings.rank", locale));
        chart.put("peers", current.rows().size());
        return json.writeValueAsString(chart);
    }

    private static Map<Long, Integer> ranks(Ranking ranking) {
        Map<Long, Integer> ranks = new HashMap<>();
        ranking.rows().forEach(r -> ranks.put(r.associateId(), r.rank()));
        return ranks;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
