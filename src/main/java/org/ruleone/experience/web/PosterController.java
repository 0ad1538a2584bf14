package org.ruleone.experience.web;

import java.util.Locale;

import org.ruleone.experience.internal.StoreSurveyLinks;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.PaperPrinter;
import org.ruleone.paper.PosterFormat;
import org.ruleone.paper.QrPoster;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The store's QR poster (PDF, A4 or US Letter by its country), in the store's language, linking to its own survey
 * page: for the owner and the store's manager only, as it puts the store's name on a wall.
 */
@Controller
class PosterController {

    private final Organization organization;
    private final StoreSurveyLinks links;
    private final PaperPrinter printer;
    private final MessageSource messages;

    PosterController(Organization organization, StoreSurveyLinks links, PaperPrinter printer, MessageSource messages) {
        this.organization = organization;
        this.links = links;
        this.printer = printer;
        this.messages = messages;
    }

    @GetMapping("/experience/poster")
    ResponseEntity<byte[]> poster(@RequestParam long store, @AuthenticationPrincipal SignedInAssociate me) {
        StoreSummary s = organization.store(store).filter(x -> me.isManagerOrOwner() && me.canSeeStore(x.id()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Locale locale = s.language().locale();
        byte[] pdf = printer.qrPoster(new QrPoster(
                messages.getMessage("experience.survey.poster.heading", null, locale),
                messages.getMessage("experience.survey.poster.text", new Object[] {s.name()}, locale),
                links.url(s.id()), s.name()), PosterFormat.forCountry(s.country()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("survey-poster-" + s.id() + ".pdf").build().toString())
                .body(pdf);
    }
}
