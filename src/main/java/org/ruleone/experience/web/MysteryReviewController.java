package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryReports;
import org.ruleone.experience.MysteryReviews;
import org.ruleone.experience.MysteryScore;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.MysteryVisitStatus;
import org.ruleone.experience.MysteryVisits;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A manager reads a shopper's report and acts on it (ADR 0101): accept it, return it with a question, mark the
 * reward paid. A manager sees their store's visits, the owner all; another store's visit is not found.
 */
@Controller
@RequestMapping("/experience/mystery/visits")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryReviewController {

    private final MysteryVisits visits;
    private final MysteryReports reports;
    private final MysteryReviews reviews;
    private final MysteryChecklists checklists;
    private final Organization organization;
    private final MessageSource messages;
    private final MysteryShoppers shoppers;

    MysteryReviewController(MysteryVisits visits, MysteryReports reports, MysteryReviews reviews,
                            MysteryChecklists checklists, Organization organization, MessageSource messages,
                            MysteryShoppers shoppers) {
        this.shoppers = shoppers;
        this.visits = visits;
        this.reports = reports;
        this.reviews = reviews;
        this.checklists = checklists;
        this.organization = organization;
        this.messages = messages;
    }

    /** An item as the manager reads it: the answer, the comment, what it earned of what it could. */
    record ItemView(String text, String answer, String comment, String earned, String possible, String outcome,
                    boolean critical, boolean criticalFailed) {
    }

    record SectionView(String title, List<ItemView> items) {
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, @RequestParam(required = false) String result,
                @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        MysteryVisit visit = visit(id, me);
        if (result != null && List.of("accepted", "returned", "paid").contains(result)) {
            model.addAttribute("notice", "experience.mystery.review.done." + result);
        }
        return page(visit, null, "", "", model, locale);
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response,
                  Model model, Locale locale) {
        return after(id, reviews.accept(id, me.id(), me.storeScope()), "accepted", "", "", me, response, model,
                locale);
    }

    @PostMapping("/{id}/return")
    String returnIt(@PathVariable long id, @RequestParam(defaultValue = "") String question,
                    @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response, Model model,
                    Locale locale) {
        return after(id, reviews.returnWithQuestion(id, question, me.id(), me.storeScope()), "returned", question,
                "", me, response, model, locale);
    }

    @PostMapping("/{id}/paid")
    String paid(@PathVariable long id, @RequestParam(defaultValue = "") String giftValue,
                @AuthenticationPrincipal SignedInAssociate me, HttpServletResponse response, Model model,
                Locale locale) {
        String typed = giftValue.strip();
        BigDecimal value = null;
        if (!typed.isEmpty()) {
            try {
                value = new BigDecimal(typed.replace(',', '.').replace(" ", "").replace("\u00a0", ""));
            } catch (NumberFormatException e) {
                return after(id, MysteryReviews.Result.BAD_VALUE, "paid", "", typed, me, response, model, locale);
            }
        }
        return after(id, reviews.markRewardPaid(id, value, me.id(), me.storeScope()), "paid", "", typed, me,
                response, model, locale);
    }

    /** The receipt photo, only to those who may see the visit, as stored and never run as a page. */
    @GetMapping("/{id}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me) {
        visit(id, me);
        MysteryReports.Receipt receipt = reports.receipt(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(receipt.contentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Content-Disposition", "inline; filename=\"receipt-" + id
                        + ("image/png".equals(receipt.contentType()) ? ".png" : ".jpg") + "\"")
                .body(receipt.content());
    }

    private String after(long id, MysteryReviews.Result result, String done, String question, String giftValue,
                         SignedInAssociate me, HttpServletResponse response, Model model, Locale locale) {
        if (result == MysteryReviews.Result.DONE) {
            return "redirect:/experience/mystery/visits/" + id + "?result=" + done;
        }
        MysteryVisit visit = visit(id, me);
        response.setStatus(switch (result) {
            case WRONG_STATUS, ALREADY_PAID -> HttpStatus.CONFLICT.value();
            default -> HttpStatus.BAD_REQUEST.value();
        });
        return page(visit, "experience.mystery.review.refused." + result.name(), question, giftValue, model, locale);
    }

    private String page(MysteryVisit visit, String problem, String question, String giftValue, Model model,
                        Locale locale) {
        Language language = Language.of(locale);
        Formats f = Formats.of(locale);
        Optional<StoreSummary> store = organization.store(visit.storeId());
        ZoneId zone = store.map(StoreSummary::timeZone).orElse(ZoneOffset.UTC);
        MysteryChecklists.Version version = checklists.version(visit.checklistVersionId()).orElseThrow();
        Map<Long, MysteryItemAnswer> answers = reports.answers(visit.id());
        MysteryScore score = reviews.score(visit);
        Map<Long, MysteryScore.Item> results = new HashMap<>();
        score.items().forEach(i -> results.put(i.itemId(), i));
        List<SectionView> sections = version.sections().stream()
                .map(s -> new SectionView(s.title(language), s.items().stream().map(i -> {
                    MysteryScore.Item r = results.get(i.id());
                    MysteryItemAnswer a = answers.get(i.id());
                    boolean failed = r.outcome() == MysteryScore.Outcome.FAILED;
                    return new ItemView(i.text(language), MysteryViews.shown(i, a, messages, locale),
                            a == null ? "" : a.comment(), MysteryViews.number(r.earned(), locale),
                            MysteryViews.number(r.possible(), locale), r.outcome().name(), i.critical(),
                            i.critical() && failed);
                }).toList()))
                .toList();
        boolean accepted = visit.status() == MysteryVisitStatus.ACCEPTED;
        BigDecimal earned = accepted ? visit.earned() : score.earned();
        BigDecimal possible = accepted ? visit.possible() : score.possible();
        BigDecimal percent = accepted ? visit.score() : score.percent();
        boolean flagged = accepted ? visit.flagged() : score.flagged();
        model.addAttribute("visit", visit);
        model.addAttribute("storeName", store.map(StoreSummary::name).orElse(""));
        model.addAttribute("window", MysteryViews.window(visit, locale));
        model.addAttribute("shopper", reports.shopper(visit.shopperId()).orElse(null));
        model.addAttribute("checklist", version.name() + " · v" + version.version());
        model.addAttribute("sections", sections);
        model.addAttribute("earned", MysteryViews.number(earned, locale));
        model.addAttribute("possible", MysteryViews.number(possible, locale));
        model.addAttribute("percent", percent == null ? "—" : MysteryViews.number(percent, locale) + " %");
        model.addAttribute("flagged", flagged);
        model.addAttribute("visitedAt", visit.visitedAt() == null ? null : f.dateTime(visit.visitedAt(), zone));
        model.addAttribute("submittedAt", visit.submittedAt() == null ? null : f.dateTime(visit.submittedAt(), zone));
        model.addAttribute("returnedAt", visit.returnedAt() == null ? null : f.dateTime(visit.returnedAt(), zone));
        model.addAttribute("acceptedAt", visit.acceptedAt() == null ? null : f.dateTime(visit.acceptedAt(), zone));
        model.addAttribute("paidAt", visit.rewardPaidAt() == null ? null : f.dateTime(visit.rewardPaidAt(), zone));
        model.addAttribute("paidValue", reviews.paidValue(visit.id()).map(f::money).orElse(null));
        model.addAttribute("reward", reward(visit, f, locale));
        model.addAttribute("gift", !"MONEY".equals(visit.rewardKind()));
        model.addAttribute("currency", visit.rewardCurrency() != null ? visit.rewardCurrency()
                : store.map(StoreSummary::currencyCode).orElse(StoreSummary.DEFAULT_CURRENCY));
        model.addAttribute("hasReceipt", reports.hasReceipt(visit.id()));
        model.addAttribute("open", visit.status().openToShopper());
        model.addAttribute("others", !visit.status().openToShopper() ? List.of()
                : shoppers.active(visit.storeId()).stream().filter(s -> s.id() != visit.shopperId()).toList());
        model.addAttribute("problem", problem);
        model.addAttribute("question", question);
        model.addAttribute("giftValue", giftValue);
        model.addAttribute("maxQuestion", MysteryReviews.MAX_QUESTION);
        model.addAttribute("kind", visit.ownStore() ? null : messages.getMessage("experience.mystery.report.kind."
                + visit.targetKind(), null, visit.targetKind(), locale));
        return "experience/mystery-review";
    }

    private String reward(MysteryVisit visit, Formats f, Locale locale) {
        if ("MONEY".equals(visit.rewardKind())) {
            return f.money(Money.of(visit.rewardAmount(), visit.rewardCurrency()));
        }
        String gift = visit.rewardGift().isBlank() ? messages.getMessage("experience.mystery.review.gift", null, locale)
                : visit.rewardGift();
        return visit.rewardAmount() == null ? gift
                : gift + " (" + f.money(Money.of(visit.rewardAmount(), visit.rewardCurrency())) + ")";
    }

    private MysteryVisit visit(long id, SignedInAssociate me) {
        return visits.find(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
