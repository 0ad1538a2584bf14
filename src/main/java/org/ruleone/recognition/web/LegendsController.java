package org.ruleone.recognition.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.paper.Stories;
import org.ruleone.paper.Story;
import org.ruleone.recognition.HeroicRefusedException;
import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The legend library, {@code /legends}: what a new hire reads first, searchable, each legend on its own page and as
 * a PDF, and the whole library (or a search's results) as one PDF. The owner writes a legend at {@code /legends/new}.
 */
@Controller
class LegendsController {

    private final Legends legends;
    private final Stories stories;
    private final MessageSource messages;

    LegendsController(Legends legends, Stories stories, MessageSource messages) {
        this.legends = legends;
        this.stories = stories;
        this.messages = messages;
    }

    @GetMapping("/legends")
    String library(@RequestParam(required = false) String q, Locale locale, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("legends", legends.library(Language.of(locale), query));
        model.addAttribute("q", query);
        return "recognition/legends";
    }

    @GetMapping("/legends/{id}")
    String legend(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("legend", legends.find(id, Language.of(locale))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
        return "recognition/legend";
    }

    @GetMapping("/legends/{id}.pdf")
    ResponseEntity<byte[]> legendPdf(@PathVariable long id, Locale locale) {
        Legend legend = legends.find(id, Language.of(locale))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return pdf(legend.title(), List.of(legend), "legend-" + id + ".pdf", locale);
    }

    @GetMapping("/legends.pdf")
    ResponseEntity<byte[]> libraryPdf(@RequestParam(required = false) String q, Locale locale) {
        return pdf(messages.getMessage("recognition.legends.title", null, locale),
                legends.library(Language.of(locale), q), "legends.pdf", locale);
    }

    @GetMapping("/legends/new")
    @PreAuthorize("hasRole('OWNER')")
    String form(Locale locale, Model model) {
        model.addAttribute("form", new LegendForm("", "", "", Language.of(locale).code()));
        model.addAttribute("languages", Language.values());
        return "recognition/legend-form";
    }

    @PostMapping("/legends")
    @PreAuthorize("hasRole('OWNER')")
    String write(@ModelAttribute("form") LegendForm form, @AuthenticationPrincipal SignedInAssociate me,
                 Locale locale, Model model) {
        Language language = Language.fromCode(form.language()).orElse(Language.of(locale));
        try {
            return "redirect:/legends/" + legends.write(me.id(), form.title(), form.story(), form.lesson(), language);
        } catch (HeroicRefusedException e) {
            model.addAttribute("problem", e.messageKey());
            model.addAttribute("languages", Language.values());
            return "recognition/legend-form";
        }
    }

    private ResponseEntity<byte[]> pdf(String title, List<Legend> shown, String fileName, Locale locale) {
        String label = messages.getMessage("recognition.legend.lesson", null, locale);
        byte[] pdf = stories.render(title, shown.stream().map(l -> new Story(l.title(), "",
                List.of(l.story().split("\\R\\s*\\R")), label, l.lesson())).toList());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }
}
