package org.ruleone.recognition.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.recognition.HeroicRefusedException;
import org.ruleone.recognition.Heroics;
import org.ruleone.recognition.Legends;
import org.ruleone.recognition.internal.HeroicRecords;
import org.ruleone.recognition.internal.HeroicRecords.HeroicRow;
import org.ruleone.recognition.internal.HeroicRules;
import org.ruleone.shared.Language;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * One heroic, {@code /heroics/{id}}: the card, its photo, the internal comments for those who may read them (ADR
 * 0104; htmx adds a comment in place, a plain form posts and comes back), and marking it a legend.
 */
@Controller
class HeroicController {

    private final HeroicRecords records;
    private final HeroicCards cards;
    private final Heroics heroics;
    private final Legends legends;
    private final Organization organization;

    HeroicController(HeroicRecords records, HeroicCards cards, Heroics heroics, Legends legends,
                     Organization organization) {
        this.organization = organization;
        this.records = records;
        this.cards = cards;
        this.heroics = heroics;
        this.legends = legends;
    }

    @GetMapping("/heroics/{id}")
    String heroic(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        HeroicRow row = records.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("h", cards.of(List.of(row), me, locale).getFirst());
        model.addAttribute("comments", HeroicRules.mayReadComments(row, me.role(), me.storeId())
                ? records.comments(id) : List.of());
        model.addAttribute("maxComment", Heroics.MAX_COMMENT);
        model.addAttribute("zone", zone(me));
        model.addAttribute("languages", Language.values());
        model.addAttribute("myLanguage", Language.of(locale));
        return "recognition/heroic";
    }

    @PostMapping("/heroics/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model,
                   RedirectAttributes flash) {
        String problem = null;
        try {
            heroics.comment(id, me.id(), body).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        } catch (HeroicRefusedException e) {
            if (e.messageKey().equals("recognition.refused.comment")) {
                throw new ResponseStatusException(NOT_FOUND);
            }
            problem = e.messageKey();
        }
        if (htmx == null) {
            if (problem != null) {
                flash.addFlashAttribute("commentProblem", problem);
                flash.addFlashAttribute("commentBody", body);
            }
            return "redirect:/heroics/" + id + "#comments";
        }
        HeroicRow row = records.find(id).orElseThrow();
        model.addAttribute("h", cards.of(List.of(row), me, locale).getFirst());
        model.addAttribute("comments", records.comments(id));
        model.addAttribute("commentProblem", problem);
        model.addAttribute("commentBody", problem == null ? "" : body);
        model.addAttribute("maxComment", Heroics.MAX_COMMENT);
        model.addAttribute("zone", zone(me));
        return "recognition/heroic :: comments";
    }

    private ZoneId zone(SignedInAssociate me) {
        return Optional.ofNullable(me.storeId()).flatMap(organization::store).map(StoreSummary::timeZone)
                .orElse(ZoneId.of("UTC"));
    }

    /** The photo, to anyone who may see the heroic; never sniffed as anything else, sandboxed if opened. */
    @GetMapping("/heroics/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        HeroicRecords.PhotoRow photo = records.photo(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Cache-Control", "private, max-age=3600")
                .body(photo.content());
    }

    @PostMapping("/heroics/{id}/legend")
    String legend(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String lesson, @RequestParam(required = false) String language,
                  @AuthenticationPrincipal SignedInAssociate me, Locale locale, RedirectAttributes flash) {
        Language written = Language.fromCode(language).orElse(Language.of(locale));
        try {
            long legend = legends.mark(id, me.id(), title, lesson, written)
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            return "redirect:/legends/" + legend;
        } catch (HeroicRefusedException e) {
            if (e.messageKey().equals("recognition.refused.legend")) {
                throw new ResponseStatusException(NOT_FOUND);
            }
            flash.addFlashAttribute("legendProblem", e.messageKey());
            flash.addFlashAttribute("legendTitle", title);
            flash.addFlashAttribute("legendLesson", lesson);
            return "redirect:/heroics/" + id + "#legend";
        }
    }
}
