package org.ruleone.experience.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.experience.internal.SurveyFigures;
import org.ruleone.experience.internal.SurveyFigures.Band;
import org.ruleone.experience.internal.SurveyFigures.Grouping;
import org.ruleone.experience.internal.SurveyFigures.Slice;
import org.ruleone.experience.internal.SurveyTally;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.CsvCells;
import org.ruleone.platform.Formats;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseStatus;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The survey figures at {@code /experience}: responses, response rate, the come-back score with its interval,
 * satisfaction, the trend, the comments and the follow-up cases, with their CSV exports. Everyone signed in may
 * look: an owner at every store or one, a manager or an associate at their own store only.
 */
@Controller
@RequestMapping("/experience")
class FiguresController {

    static final int COMMENTS_PER_PAGE = 20;
    static final int FOLLOW_UPS_SHOWN = 20;

    private final SurveyFigures figures;
    private final Organization organization;
    private final CaseDesk desk;
    private final MessageSource messages;
    private final JsonMapper json;
    FiguresController(SurveyFigures figures, Organization organization, CaseDesk desk, MessageSource messages,
                      JsonMapper json) {
        this.figures = figures;
        this.organization = organization;
        this.desk = desk;
        this.messages = messages;
        this.json = json;
    }

    /** What the page asks for, as typed in its form or its links; anything unreadable falls back to the default. */
    record FiguresForm(Long store, Long associate, String channel, String by,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       String band, String word, Integer page) {
    }

    /** One line of figures (the whole slice, or one week or month), formatted. */
    record FigureView(String label, long responses, long partial, String responseRate, String score, String interval,
                      long comeBackCount, String satisfied, long satisfactionCount, boolean tooFew) {
    }

    record CommentView(String when, String store, String associate, String channel, Integer comeBack,
                       Integer satisfaction, String comment, Long followUpCaseId) {
    }

    record FollowUpView(long caseId, String status, String statusKey, String when, String store, String associate,
                        Integer comeBack, Integer satisfaction, String comment) {
    }

    /**
     * From a follow-up case back to the answer it was opened for: the figures of that store on that day, whose
     * comments and follow-ups show it. Not found for a case no answer has, or one of a store the reader cannot see.
     */
    @GetMapping("/follow-ups/{caseId}")
    String answerOfFollowUp(@org.springframework.web.bind.annotation.PathVariable long caseId,
                            @AuthenticationPrincipal SignedInAssociate me) {
        SurveyFigures.AnswerDay found = figures.answerOfFollowUp(caseId)
                .filter(a -> me.canSeeStore(a.storeId()) && a.day() != null)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return "redirect:/experience?store=" + found.storeId() + "&by=WEEK&from=" + found.day() + "&to="
                + found.day() + "#follow-ups-title";
    }

    @GetMapping
    String page(@ModelAttribute FiguresForm form, @AuthenticationPrincipal SignedInAssociate me, Model model,
                Locale locale) {
        Slice slice = slice(form, me);
        Formats fmt = Formats.of(locale);
        Map<LocalDate, SurveyTally> trend = figures.trend(slice);
        SurveyTally total = SurveyTally.sum(trend.values());
        List<FigureView> rows = new ArrayList<>();
        trend.forEach((bucket, tally) -> rows.add(view(label(bucket, slice.grouping(), fmt), tally, fmt)));
        Names names = names(me);
        Optional<Band> band = band(form.band());
        Optional<String> word = Optional.ofNullable(form.word()).map(String::strip).filter(w -> !w.isEmpty());
        int page = form.page() == null || form.page() < 0 ? 0 : form.page();
        List<SurveyFigures.Comment> comments = figures.comments(slice, band, word, page * COMMENTS_PER_PAGE,
                COMMENTS_PER_PAGE + 1);
        model.addAttribute("summary", view("", total, fmt));
        model.addAttribute("tooFewThreshold", SurveyTally.TOO_FEW);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart(trend, slice.grouping(), fmt, locale));
        model.addAttribute("comments", comments.stream().limit(COMMENTS_PER_PAGE)
                .map(c -> comment(c, names, fmt, locale)).toList());
        model.addAttribute("morePages", comments.size() > COMMENTS_PER_PAGE);
        model.addAttribute("page", page);
        List<SurveyFigures.FollowUp> followUps = figures.followUps(slice, FOLLOW_UPS_SHOWN);
        Map<Long, CaseStatus> statuses = desk.statuses(followUps.stream().map(SurveyFigures.FollowUp::caseId).toList(),
                me.storeScope());
        model.addAttribute("followUps", followUps.stream()
                .map(f -> followUp(f, Optional.ofNullable(statuses.get(f.caseId())), names, fmt, locale)).toList());
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("associates", slice.storeId().map(s -> organization.associates(Optional.of(s)))
                .orElse(List.of()));
        model.addAttribute("channels", SurveyChannel.values());
        model.addAttribute("bands", Band.values());
        model.addAttribute("selectedStore", slice.storeId().orElse(null));
        model.addAttribute("selectedAssociate", slice.associateId().orElse(null));
        model.addAttribute("selectedChannel", slice.channel().map(Enum::name).orElse(""));
        model.addAttribute("selectedBand", band.map(Enum::name).orElse(""));
        model.addAttribute("word", word.orElse(""));
        model.addAttribute("by", slice.grouping().name());
        model.addAttribute("from", slice.from());
        model.addAttribute("to", slice.to());
        return "experience/figures";
    }

    @GetMapping("/figures.csv")
    void figuresCsv(@ModelAttribute FiguresForm form, @AuthenticationPrincipal SignedInAssociate me,
                    HttpServletResponse response) throws IOException {
        Slice slice = slice(form, me);
        PrintWriter out = csv(response, "survey-figures.csv");
        out.print("period_start,responses,partial,invitations_sent,invitations_answered,response_rate,promoters,"
                + "passives,detractors,come_back_score,interval_low,interval_high,satisfaction_answers,"
                + "satisfied_top2_percent\r\n");
        for (Map.Entry<LocalDate, SurveyTally> e : figures.trend(slice).entrySet()) {
            SurveyTally t = e.getValue();
            Optional<double[]> interval = t.comeBackInterval();
            out.print(String.join(",", e.getKey().toString(), String.valueOf(t.complete()),
                    String.valueOf(t.partial()), String.valueOf(t.invitationsSent()),
                    String.valueOf(t.invitationsAnswered()), decimal(t.responseRate()),
                    String.valueOf(t.promoters()), String.valueOf(t.passives()), String.valueOf(t.detractors()),
                    decimal(t.comeBackScore()), decimal(interval.map(i -> i[0])), decimal(interval.map(i -> i[1])),
                    String.valueOf(t.satisfactionCount()), decimal(t.satisfiedShare())) + "\r\n");
        }
        out.flush();
    }

    /** Every comment of the slice and filters, not only one page of them. */
    @GetMapping("/comments.csv")
    void commentsCsv(@ModelAttribute FiguresForm form, @AuthenticationPrincipal SignedInAssociate me,
                     HttpServletResponse response) throws IOException {
        Slice slice = slice(form, me);
        Names names = names(me);
        Map<Long, ZoneId> zones = zones();
        PrintWriter out = csv(response, "survey-comments.csv");
        out.print("answered_at,store,associate,channel,come_back,satisfaction,comment,follow_up_case\r\n");
        figures.eachComment(slice, band(form.band()), Optional.ofNullable(form.word()), c ->
                out.print(String.join(",",
                        c.answeredAt().atZone(zones.getOrDefault(c.storeId(), ZoneOffset.UTC)).toOffsetDateTime()
                                .toString(),
                        CsvCells.cell(names.store(c.storeId())), CsvCells.cell(names.associate(c.associateId())),
                        c.channel().name(), c.comeBack() == null ? "" : c.comeBack().toString(),
                        c.satisfaction() == null ? "" : c.satisfaction().toString(), CsvCells.cell(c.comment()),
                        c.followUpCaseId() == null ? "" : c.followUpCaseId().toString()) + "\r\n"));
        out.flush();
    }

    // ---- the slice: who may see what

    private Slice slice(FiguresForm form, SignedInAssociate me) {
        FigureScope scope = FigureScope.of(form.store(), form.associate(), me, organization);
        Optional<SurveyChannel> channel = parse(form.channel(), SurveyChannel.class);
        Grouping grouping = parse(form.by(), Grouping.class).orElse(Grouping.MONTH);
        LocalDate today = organization.today(scope.storeId());
        LocalDate to = form.to() == null ? today : form.to();
        LocalDate from = form.from() != null ? form.from() : grouping == Grouping.MONTH
                ? to.withDayOfMonth(1).minusMonths(11)
                : to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(12);
        if (from.isAfter(to)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        return new Slice(scope.storeId(), scope.associateId(), channel, from, to, grouping);
    }

    private static Optional<Band> band(String value) {
        return parse(value, Band.class);
    }

    private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    // ---- views

    private FigureView view(String label, SurveyTally t, Formats fmt) {
        return new FigureView(label, t.complete(), t.partial(), t.responseRate().map(r -> percent(r, fmt)).orElse("–"),
                t.comeBackScore().map(s -> signed(s, fmt)).orElse("–"),
                t.comeBackInterval().map(i -> signed(i[0], fmt) + " … " + signed(i[1], fmt)).orElse("–"),
                t.comeBackCount(), t.satisfiedShare().map(s -> percent(s, fmt)).orElse("–"), t.satisfactionCount(),
                t.tooFew());
    }

    /** Chart.js data: the score per week or month and its interval as a band (null where nobody answered). */
    private String chart(Map<LocalDate, SurveyTally> trend, Grouping grouping, Formats fmt, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        trend.forEach((bucket, t) -> {
            labels.add(label(bucket, grouping, fmt));
            score.add(t.comeBackScore().map(FiguresController::oneDecimal).orElse(null));
            low.add(t.comeBackInterval().map(i -> oneDecimal(i[0])).orElse(null));
            high.add(t.comeBackInterval().map(i -> oneDecimal(i[1])).orElse(null));
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("score", Map.of("label", text("experience.figures.score", locale), "data", score));
        String band = text("experience.figures.interval", locale);
        chart.put("low", Map.of("label", band, "data", low));
        chart.put("high", Map.of("label", band, "data", high));
        return json.writeValueAsString(chart);
    }

    private CommentView comment(SurveyFigures.Comment c, Names names, Formats fmt, Locale locale) {
        return new CommentView(fmt.date(c.answeredAt(), names.zone(c.storeId())), names.store(c.storeId()),
                names.associate(c.associateId()), text("experience.figures.channel." + c.channel().name(), locale),
                c.comeBack(), c.satisfaction(), c.comment(), c.followUpCaseId());
    }

    private FollowUpView followUp(SurveyFigures.FollowUp f, Optional<CaseStatus> caseStatus, Names names, Formats fmt,
                                  Locale locale) {
        Optional<String> status = caseStatus.map(Enum::name);
        return new FollowUpView(f.caseId(), status.map(s -> text("case.status." + s, locale))
                .orElse(text("experience.figures.caseUnknown", locale)), status.orElse("UNKNOWN"),
                fmt.date(f.answeredAt(), names.zone(f.storeId())), names.store(f.storeId()),
                names.associate(f.associateId()), f.comeBack(), f.satisfaction(), f.comment());
    }

    private static String label(LocalDate bucket, Grouping grouping, Formats fmt) {
        return grouping == Grouping.MONTH ? fmt.month(bucket) : fmt.date(bucket);
    }

    private static String percent(double value, Formats fmt) {
        return fmt.number(Math.round(value)) + " %";
    }

    /** A score in whole points with its sign, as people quote it: "+20", "−34". */
    private static String signed(double value, Formats fmt) {
        long rounded = Math.round(value);
        return rounded > 0 ? "+" + fmt.number(rounded) : rounded < 0 ? "−" + fmt.number(-rounded) : "0";
    }

    private static Double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String decimal(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("");
    }

    // ---- names of stores and associates, read once per page

    private record Names(Map<Long, String> stores, Map<Long, ZoneId> zones, Map<Long, String> associates) {

        String store(long id) {
            return stores.getOrDefault(id, "#" + id);
        }

        ZoneId zone(long storeId) {
            return zones.getOrDefault(storeId, ZoneOffset.UTC);
        }

        String associate(Long id) {
            return id == null ? "" : associates.getOrDefault(id, "#" + id);
        }
    }

    private Names names(SignedInAssociate me) {
        Map<Long, String> stores = new HashMap<>();
        for (StoreSummary s : organization.storesVisibleTo(me)) {
            stores.put(s.id(), s.name());
        }
        Map<Long, String> associates = new HashMap<>();
        organization.associates(me.storeScope()).forEach(a -> associates.put(a.id(), a.name()));
        return new Names(stores, zones(), associates);
    }

    private Map<Long, ZoneId> zones() {
        Map<Long, ZoneId> zones = new HashMap<>();
        organization.stores().forEach(s -> zones.put(s.id(), s.timeZone()));
        return zones;
    }

    private static PrintWriter csv(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return response.getWriter();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
