package org.ruleone.recognition.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.recognition.Heroics;
import org.ruleone.recognition.internal.HeroicRecords;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The heroics feed, {@code /heroics}: a store's (the viewer's by default) or the whole chain's, newest first, a page
 * at a time, with a "thank you" that htmx toggles in place (without JavaScript the form posts and comes back).
 */
@Controller
class HeroicFeedController {

    static final int PAGE_SIZE = 20;

    private final HeroicRecords records;
    private final HeroicCards cards;
    private final Heroics heroics;
    private final Organization organization;

    HeroicFeedController(HeroicRecords records, HeroicCards cards, Heroics heroics, Organization organization) {
        this.records = records;
        this.cards = cards;
        this.heroics = heroics;
        this.organization = organization;
    }

    @GetMapping("/heroics")
    String feed(@RequestParam(required = false) String store, @RequestParam(defaultValue = "0") String page,
                @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        Optional<Long> storeId = storeOf(store, me);
        int p = page(page);
        var rows = records.feed(storeId, p * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("heroics", cards.of(rows.stream().limit(PAGE_SIZE).toList(), me, locale));
        model.addAttribute("more", rows.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("store", storeId.map(String::valueOf).orElse("all"));
        model.addAttribute("back", "/heroics?store=" + storeId.map(String::valueOf).orElse("all") + "&page=" + p);
        model.addAttribute("storeName", storeId.flatMap(organization::store).map(s -> s.name()).orElse(null));
        model.addAttribute("stores", organization.stores());
        return "recognition/heroics";
    }

    /** Gives or takes back the viewer's thanks; htmx gets the button back, a plain form the page it came from. */
    @PostMapping("/heroics/{id}/thanks")
    String thank(@PathVariable long id, @RequestParam(required = false) String back,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        heroics.thank(id, me.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (htmx == null) {
            return "redirect:" + (back != null && back.matches("/heroics(/\\d+)?(\\?[\\w=&]*)?") ? back
                    : "/heroics/" + id);
        }
        model.addAttribute("h", cards.of(List.of(records.find(id).orElseThrow()), me, locale).getFirst());
        return "recognition/heroics :: thanks";
    }

    /** The store asked for ("all" for the chain), by default the viewer's (the chain for the owner). */
    private static Optional<Long> storeOf(String store, SignedInAssociate me) {
        if (store == null || store.isBlank()) {
            return Optional.ofNullable(me.storeId());
        }
        if (store.equals("all")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(store.strip()));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(NOT_FOUND);
        }
    }

    private static int page(String page) {
        try {
            return Math.max(0, Math.min(10_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
