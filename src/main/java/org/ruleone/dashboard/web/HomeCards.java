package org.ruleone.dashboard.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.experience.ExperienceFigures;
import org.ruleone.ledger.LedgerFigures;
import org.ruleone.platform.Formats;
import org.ruleone.rankings.Ranking;
import org.ruleone.rankings.Rankings;
import org.ruleone.rankings.TopAssociate;
import org.ruleone.recognition.HeroicFigures;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardsMet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The cards of the home dashboard for a period and a store (or every store): each a figure for the whole period in
 * words, a small chart of its months, and the page behind it (ADR 0112). Each card asks its module once.
 */
@Component
class HomeCards {

    /** The months a card covers, ending with the current one. */
    enum Period {
        MONTH(1), QUARTER(3), YEAR(12);

        final int months;

        Period(int months) {
            this.months = months;
        }

        static Period of(String value) {
            for (Period p : values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            return MONTH;
        }
    }

    /**
     * One card: its title, the figure in words (also the chart's text alternative), the page it links to, and the
     * chart as JSON ({@code null} when there is nothing to draw).
     */
    record Card(String id, String title, String words, String link, String chart) {
    }

    private final ExperienceFigures experience;
    private final StandardsMet standards;
    private final LedgerFigures ledger;
    private final HeroicFigures heroics;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Rankings rankings;

    /** How many associates the rankings card names. */
    static final int TOP = 3;

    HomeCards(ExperienceFigures experience, StandardsMet standards, LedgerFigures ledger, HeroicFigures heroics,
              Rankings rankings, MessageSource messages, JsonMapper json) {
        this.rankings = rankings;
        this.experience = experience;
        this.standards = standards;
        this.ledger = ledger;
        this.heroics = heroics;
        this.messages = messages;
        this.json = json;
    }

    List<Card> cards(Optional<Long> store, Period period, LocalDate today, java.time.ZoneId zone, Locale locale) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(period.months - 1L);
        LocalDate from = first.atDay(1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Formats fmt = Formats.of(locale);
        List<Card> cards = new ArrayList<>();
        surveys(cards, store, from, today, months, fmt, locale);
        standards(cards, store, from.atStartOfDay(zone).toInstant(), first, months, fmt, locale);
        spend(cards, store, first, months, fmt, locale);
        mystery(cards, store, from, today, months, fmt, locale);
        cards.add(counted("follow-ups", "dashboard.home.followUps", experience.openFollowUps(store, from, today),
                link("/experience", store), months, fmt, locale));
        cards.add(counted("heroics", "dashboard.home.heroics", heroics.monthly(store, from, today),
                link("/heroics", store), months, fmt, locale));
        top(cards, store, last, fmt, locale);
        return cards;
    }

    private void surveys(List<Card> cards, Optional<Long> store, LocalDate from, LocalDate to, List<YearMonth> months,
                         Formats fmt, Locale locale) {
        List<ExperienceFigures.SurveyMonth> found = experience.surveyMonths(store, from, to);
        Map<YearMonth, ExperienceFigures.SurveyMonth> byMonth = new LinkedHashMap<>();
        found.forEach(m -> byMonth.put(m.month(), m));
        ExperienceFigures.SurveyMonth all = found.stream().reduce(
                new ExperienceFigures.SurveyMonth(null, 0, 0, 0, 0, 0),
                (a, b) -> new ExperienceFigures.SurveyMonth(null, a.comeBackAnswers() + b.comeBackAnswers(),
                        a.promoters() + b.promoters(), a.detractors() + b.detractors(),
                        a.satisfactionAnswers() + b.satisfactionAnswers(), a.satisfied() + b.satisfied()));
        String link = link("/experience", store);
        String score = all.comeBackScore().map(s -> signed(Math.round(s))).orElse(null);
        cards.add(new Card("come-back", text("dashboard.home.comeBack.title", locale),
                score == null ? text("dashboard.home.comeBack.none", locale)
                        : text("dashboard.home.comeBack.words", locale, score, fmt.number(all.comeBackAnswers())),
                link, score == null ? null : chart("line", months, fmt, m -> Optional.ofNullable(byMonth.get(m))
                        .flatMap(ExperienceFigures.SurveyMonth::comeBackScore).map(Math::round).orElse(null),
                        -100, 100)));
        Optional<Double> satisfied = all.satisfiedShare();
        cards.add(new Card("satisfaction", text("dashboard.home.satisfaction.title", locale),
                satisfied.isEmpty() ? text("dashboard.home.satisfaction.none", locale)
                        : text("dashboard.home.satisfaction.words", locale, Math.round(satisfied.get()),
                        fmt.number(all.satisfactionAnswers())),
                link, satisfied.isEmpty() ? null : chart("line", months, fmt, m -> Optional.ofNullable(byMonth.get(m))
                        .flatMap(ExperienceFigures.SurveyMonth::satisfiedShare).map(Math::round).orElse(null),
                        0, 100)));
    }

    private void standards(List<Card> cards, Optional<Long> store, java.time.Instant since, YearMonth first,
                           List<YearMonth> months, Formats fmt, Locale locale) {
        Map<YearMonth, StandardsMet.Month> byMonth = new LinkedHashMap<>();
        standards.monthly(since, store).stream().filter(m -> !m.month().isBefore(first))
                .forEach(m -> byMonth.put(m.month(), m));
        int met = byMonth.values().stream().mapToInt(StandardsMet.Month::met).sum();
        int counted = byMonth.values().stream().mapToInt(StandardsMet.Month::counted).sum();
        StandardsMet.Month all = new StandardsMet.Month(first, met, counted);
        cards.add(new Card("standards", text("dashboard.home.standards.title", locale),
                all.percent().isEmpty() ? text("dashboard.home.standards.none", locale)
                        : text("dashboard.home.standards.words", locale, all.percent().get(), fmt.number(met),
                        fmt.number(counted)),
                link("/service/reports/figures", store),
                all.percent().isEmpty() ? null : chart("bar", months, fmt, m -> Optional.ofNullable(byMonth.get(m))
                        .flatMap(StandardsMet.Month::percent).orElse(null), 0, 100)));
    }

    private void spend(List<Card> cards, Optional<Long> store, YearMonth first, List<YearMonth> months, Formats fmt,
                       Locale locale) {
        List<LedgerFigures.Month> found = ledger.monthly(first, store);
        Map<String, Money[]> byCurrency = new LinkedHashMap<>();
        for (LedgerFigures.Month m : found) {
            byCurrency.merge(m.spent().currency().getCurrencyCode(), new Money[] {m.spent(), m.cameBack()},
                    (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1])});
        }
        String words;
        String chart = null;
        if (byCurrency.isEmpty()) {
            words = text("dashboard.home.spend.none", locale);
        } else {
            words = text("dashboard.home.spend.words", locale,
                    String.join(" + ", byCurrency.values().stream().map(a -> fmt.money(a[0])).toList()),
                    String.join(" + ", byCurrency.values().stream().map(a -> fmt.money(a[1])).toList()));
            // one currency is drawn, the first met (a chart never adds currencies); the words name them all
            String currency = byCurrency.keySet().iterator().next();
            Map<YearMonth, LedgerFigures.Month> byMonth = new LinkedHashMap<>();
            found.stream().filter(m -> m.spent().currency().getCurrencyCode().equals(currency))
                    .forEach(m -> byMonth.put(m.month(), m));
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", "bar");
            spec.put("labels", labels(months, fmt));
            spec.put("datasets", List.of(
                    dataset(text("dashboard.home.spend.spent", locale, currency), months,
                            m -> amount(byMonth.get(m), LedgerFigures.Month::spent)),
                    dataset(text("dashboard.home.spend.cameBack", locale, currency), months,
                            m -> amount(byMonth.get(m), LedgerFigures.Month::cameBack))));
            chart = json(spec);
        }
        cards.add(new Card("spend", text("dashboard.home.spend.title", locale), words,
                link("/service/reports/ledger", store), chart));
    }

    private static BigDecimal amount(LedgerFigures.Month month, Function<LedgerFigures.Month, Money> which) {
        return month == null ? BigDecimal.ZERO : which.apply(month).amount();
    }

    private void mystery(List<Card> cards, Optional<Long> store, LocalDate from, LocalDate to, List<YearMonth> months,
                         Formats fmt, Locale locale) {
        Map<YearMonth, ExperienceFigures.MysteryMonth> byMonth = new LinkedHashMap<>();
        experience.mysteryMonths(store, from, to).forEach(m -> byMonth.put(m.month(), m));
        ExperienceFigures.MysteryMonth all = byMonth.values().stream().reduce(
                new ExperienceFigures.MysteryMonth(null, BigDecimal.ZERO, BigDecimal.ZERO, 0),
                (a, b) -> new ExperienceFigures.MysteryMonth(null, a.earned().add(b.earned()),
                        a.possible().add(b.possible()), a.visits() + b.visits()));
        Optional<BigDecimal> percent = all.percent();
        cards.add(new Card("mystery", text("dashboard.home.mystery.title", locale),
                percent.isEmpty() ? text("dashboard.home.mystery.none", locale)
                        : text("dashboard.home.mystery.words", locale, fmt.number(percent.get()),
                        fmt.number(all.visits())),
                link("/experience/mystery", store),
                percent.isEmpty() ? null : chart("line", months, fmt, m -> Optional.ofNullable(byMonth.get(m))
                        .flatMap(ExperienceFigures.MysteryMonth::percent).orElse(null), 0, 100)));
    }

    /** A card that counts things per month: the follow-ups still open, the heroics. */
    private Card counted(String id, String keys, Map<YearMonth, Long> byMonth, String link, List<YearMonth> months,
                         Formats fmt, Locale locale) {
        long total = byMonth.values().stream().mapToLong(Long::longValue).sum();
        return new Card(id, text(keys + ".title", locale),
                total == 0 ? text(keys + ".none", locale) : text(keys + ".words", locale, fmt.number(total)), link,
                total == 0 ? null : chart("bar", months, fmt, m -> byMonth.getOrDefault(m, 0L), null, null));
    }

    /** The top of this month's ranking, whatever the period: the rankings are kept by month and quarter. */
    private void top(List<Card> cards, Optional<Long> store, YearMonth month, Formats fmt, Locale locale) {
        Ranking ranking = rankings.rankingForCard(store, org.ruleone.rankings.Period.month(month));
        List<TopAssociate> top = Rankings.top(ranking, TOP);
        String words = ranking.rows().isEmpty() ? text("dashboard.home.rankings.none", locale)
                : top.isEmpty() ? text("rankings.nothingMeasured", locale)
                : text("dashboard.home.rankings.words", locale, String.join(", ", top.stream()
                        .map(t -> text("dashboard.home.rankings.entry", locale, t.rank(), t.name(),
                                fmt.number(Math.round(t.score())))).toList()));
        String chart = null;
        if (!top.isEmpty()) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", "bar");
            spec.put("labels", top.stream().map(TopAssociate::name).toList());
            spec.put("datasets", List.of(Map.of("label", "", "data",
                    top.stream().map(t -> Math.round(t.score())).toList())));
            spec.put("min", 0);
            spec.put("max", 100);
            chart = json(spec);
        }
        cards.add(new Card("rankings", text("dashboard.home.rankings.title", locale), words, link("/rankings", store),
                chart));
    }

    // ---- charts, words and links

    private String chart(String type, List<YearMonth> months, Formats fmt, Function<YearMonth, Object> value,
                         Integer min, Integer max) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("labels", labels(months, fmt));
        chart.put("datasets", List.of(dataset("", months, value)));
        if (min != null) {
            chart.put("min", min);
            chart.put("max", max);
        }
        return json(chart);
    }

    private static List<String> labels(List<YearMonth> months, Formats fmt) {
        return months.stream().map(fmt::month).toList();
    }

    private static Map<String, Object> dataset(String label, List<YearMonth> months, Function<YearMonth, Object> value) {
        List<Object> data = new ArrayList<>();
        months.forEach(m -> data.add(value.apply(m)));
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }

    private static String link(String path, Optional<Long> store) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        store.ifPresent(id -> uri.queryParam("store", id));
        return uri.toUriString();
    }

    private static String signed(long score) {
        return score > 0 ? "+" + score : Long.toString(score);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
