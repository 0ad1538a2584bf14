package org.ruleone.experience.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryReport;
import org.ruleone.experience.MysteryReports;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.internal.MysteryReportThrottle;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.platform.Photos;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A mystery shopper's report, reached by the personal link in their mail without signing in (ADR 0101): phone first,
 * without JavaScript, in the shopper's language unless they pick another. It opens only for the shopper the link was
 * mailed to, while the visit waits for a report and the link has not expired; a sent report shows read-only.
 */
@Controller
@RequestMapping("/mystery")
class MysteryReportController {

    private final MysteryReports reports;
    private final MysteryChecklists checklists;
    private final MysteryReportThrottle throttle;
    private final Organization organization;
    private final MessageSource messages;
    private final LocaleResolver locales;

    MysteryReportController(MysteryReports reports, MysteryChecklists checklists, MysteryReportThrottle throttle,
                            Organization organization, MessageSource messages, LocaleResolver locales) {
        this.reports = reports;
        this.checklists = checklists;
        this.throttle = throttle;
        this.organization = organization;
        this.messages = messages;
        this.locales = locales;
    }

    @GetMapping("/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String saved,
                HttpServletRequest request, HttpServletResponse response, Model model, Locale current) {
        MysteryReports.Opened opened = reports.open(token);
        if (opened.access() == MysteryReports.Access.UNKNOWN) {
            return refused(opened.access(), response, model);
        }
        Locale locale = SurveyPages.speak(opened.language(), current, request, response, locales);
        MysteryVisit visit = opened.visit();
        return switch (opened.access()) {
            case OPEN, SENT -> form(token, visit, MysteryReportForm.of(reports.answers(visit.id()), visit.visitedAt(),
                    zone(visit), visit.stoodOut()), List.of(), List.of(), saved != null, locale, model);
            default -> refused(opened.access(), response, model);
        };
    }

    @PostMapping("/{token}")
    String send(@PathVariable String token, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(required = false) MultipartFile receipt,
                @RequestParam(defaultValue = "save") String action,
                HttpServletRequest request, HttpServletResponse response, Model model, Locale current)
            throws IOException {
        if (!throttle.tryPost(request.getRemoteAddr())) {
            return refused(null, response, model);
        }
        MysteryReports.Opened opened = reports.open(token);
        if (opened.access() == MysteryReports.Access.UNKNOWN) {
            return refused(opened.access(), response, model);
        }
        Locale locale = SurveyPages.speak(opened.language(), current, request, response, locales);
        if (opened.access() != MysteryReports.Access.OPEN) {
            // A sent report is shown as sent, whatever this post said; nothing is stored.
            return opened.access() == MysteryReports.Access.SENT ? "redirect:/mystery/" + token
                    : refused(opened.access(), response, model);
        }
        MysteryVisit visit = opened.visit();
        List<MysteryItem> items = version(visit).items();
        MysteryReportForm typed = MysteryReportForm.read(items, params);
        MysteryReportForm.Read read = typed.report(items);
        List<MysteryReport.Problem> problems = new ArrayList<>(read.problems());
        Photos.Photo photo = null;
        if (receipt != null && !receipt.isEmpty()) {
            try {
                photo = Photos.check(receipt.getInputStream());
            } catch (Photos.PhotoRefusedException refused) {
                problems.add(new MysteryReport.Problem(refused.messageKey(), null));
            }
        }
        if (!problems.isEmpty()) {
            return again(token, visit, typed, problems, List.of(), locale, response, model);
        }
        boolean submit = "submit".equals(action);
        MysteryReports.Outcome outcome = reports.save(visit.id(), opened.shopperId(), read.report(), photo, submit);
        return switch (outcome.result()) {
            case SAVED -> "redirect:/mystery/" + token + "?saved";
            case SUBMITTED -> "redirect:/mystery/" + token;
            case INVALID -> again(token, visit, typed, outcome.problems(), List.of(), locale, response, model);
            case MISSING -> again(token, visit, typed, List.of(), outcome.missing(), locale, response, model);
            case NOT_OPEN -> refused(outcome.access(), response, model);
        };
    }

    private String again(String token, MysteryVisit visit, MysteryReportForm typed,
                         List<MysteryReport.Problem> problems, List<MysteryItem> missing, Locale locale,
                         HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(token, visit, typed, problems, missing, false, locale, model);
    }

    private String form(String token, MysteryVisit visit, MysteryReportForm typed,
                        List<MysteryReport.Problem> problems, List<MysteryItem> missing, boolean saved, Locale locale,
                        Model model) {
        Language language = Language.of(locale);
        MysteryChecklists.Version version = version(visit);
        Map<Long, String> itemProblems = new java.util.HashMap<>();
        List<String> messagesShown = new ArrayList<>();
        for (MysteryReport.Problem p : problems) {
            String itemText = p.itemId() == null ? "" : version.items().stream().filter(i -> i.id() == p.itemId())
                    .findFirst().map(i -> i.text(language)).orElse("");
            String text = message(p, itemText, locale);
            messagesShown.add(text);
            if (p.itemId() != null) {
                itemProblems.put(p.itemId(), text);
            }
        }
        List<MysteryViews.Section> sections = version.sections().stream()
                .map(s -> new MysteryViews.Section(s.title(language), s.items().stream()
                        .map(i -> MysteryViews.item(i, language, typed, itemProblems.get(i.id()), messages, locale))
                        .toList()))
                .toList();
        boolean open = visit.status().openToShopper();
        model.addAttribute("action", "/mystery/" + token);
        model.addAttribute("visit", visit);
        model.addAttribute("place", place(visit, locale));
        model.addAttribute("window", MysteryViews.window(visit, locale));
        model.addAttribute("sections", sections);
        model.addAttribute("typed", typed);
        model.addAttribute("problems", messagesShown);
        model.addAttribute("missing", missing.stream().map(i -> i.text(language)).toList());
        model.addAttribute("saved", saved);
        model.addAttribute("open", open);
        model.addAttribute("hasReceipt", reports.hasReceipt(visit.id()));
        model.addAttribute("maxComment", MysteryItemAnswer.MAX_COMMENT);
        model.addAttribute("maxStoodOut", MysteryReport.MAX_STOOD_OUT);
        model.addAttribute("visitedShown", visit.visitedAt() == null ? null
                : Formats.of(locale).dateTime(visit.visitedAt(), zone(visit)));
        return "experience/mystery-report";
    }

    private String message(MysteryReport.Problem p, String itemText, Locale locale) {
        if (p.code().startsWith("photo.refused.")) {
            return messages.getMessage(p.code(), null, p.code(), locale);
        }
        String key = "experience.mystery.report.error." + p.code();
        return messages.getMessage(key, new Object[] {itemText, MysteryItemAnswer.MAX_COMMENT,
                MysteryReport.MAX_STOOD_OUT}, key, locale);
    }

    /** Our store's name, or the other business's name and kind. */
    private String place(MysteryVisit visit, Locale locale) {
        String store = organization.store(visit.storeId()).map(StoreSummary::name).orElse("");
        if (visit.ownStore()) {
            return visit.department().isBlank() ? store : store + " · " + visit.department();
        }
        return visit.businessName() + " · " + messages.getMessage("experience.mystery.report.kind."
                + visit.targetKind(), null, visit.targetKind(), locale);
    }

    private MysteryChecklists.Version version(MysteryVisit visit) {
        return checklists.version(visit.checklistVersionId()).orElseThrow();
    }

    private java.time.ZoneId zone(MysteryVisit visit) {
        return organization.store(visit.storeId()).map(StoreSummary::timeZone).orElse(java.time.ZoneOffset.UTC);
    }

    /** A page that opens no form: unknown link, given to someone else, expired, cancelled, too many forms. */
    private static String refused(MysteryReports.Access access, HttpServletResponse response, Model model) {
        String what;
        HttpStatus status;
        if (access == null) {
            what = "tooMany";
            status = HttpStatus.TOO_MANY_REQUESTS;
        } else {
            switch (access) {
                case REASSIGNED -> {
                    what = "reassigned";
                    status = HttpStatus.FORBIDDEN;
                }
                case EXPIRED -> {
                    what = "expired";
                    status = HttpStatus.GONE;
                }
                case CANCELLED -> {
                    what = "cancelled";
                    status = HttpStatus.GONE;
                }
                default -> {
                    what = "invalid";
                    status = HttpStatus.NOT_FOUND;
                }
            }
        }
        response.setStatus(status.value());
        model.addAttribute("done", what);
        return "experience/mystery-report-done";
    }
}
