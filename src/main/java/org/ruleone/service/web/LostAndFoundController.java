package org.ruleone.service.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.service.internal.LostAndFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/** Lost and found: log what was found in the store, and see what nobody has claimed yet. */
@Controller
@RequestMapping("/lost-and-found")
class LostAndFoundController {

    private final LostAndFound lostAndFound;
    private final Organization organization;
    private final Clock clock;

    LostAndFoundController(LostAndFound lostAndFound, Organization organization, Clock clock) {
        this.lostAndFound = lostAndFound;
        this.organization = organization;
        this.clock = clock;
    }

    /** What the associate types about a found item; {@code foundAt} is a datetime-local in the store's time. */
    record FoundForm(Long storeId, String what, String description, String foundWhere, String foundAt,
                     String foundBy) {

        FoundForm {
            what = clean(what);
            description = clean(description);
            foundWhere = clean(foundWhere);
            foundAt = clean(foundAt);
            foundBy = clean(foundBy);
        }

        Optional<LocalDateTime> parsedFoundAt() {
            try {
                return Optional.of(LocalDateTime.parse(foundAt));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        private static String clean(String value) {
            return value == null ? "" : value.strip();
        }
    }

    record ItemView(long id, String what, String description, String foundWhere, String foundAt, String foundBy,
                    String storeName) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInAssociate me, Model model) {
        StoreSummary store = defaultStore(me, null);
        model.addAttribute("foundForm", new FoundForm(store.id(), "", "", "", LocalDateTime.now(clock.withZone(store.timeZone()))
                .truncatedTo(ChronoUnit.MINUTES).toString(), ""));
        return page(me, model);
    }

    @PostMapping
    String log(@ModelAttribute("foundForm") FoundForm form, BindingResult errors,
               @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash) {
        StoreSummary store = defaultStore(me, form.storeId());
        if (form.what().isEmpty()) {
            errors.rejectValue("what", "found.error.what");
        } else if (form.what().length() > 200) {
            errors.rejectValue("what", "cases.validation.tooLong");
        }
        if (form.description().length() > 2000) {
            errors.rejectValue("description", "cases.validation.tooLong");
        }
        if (form.foundWhere().length() > 200) {
            errors.rejectValue("foundWhere", "cases.validation.tooLong");
        }
        if (form.foundBy().length() > 200) {
            errors.rejectValue("foundBy", "cases.validation.tooLong");
        }
        Optional<LocalDateTime> when = form.parsedFoundAt();
        if (when.isEmpty()) {
            errors.rejectValue("foundAt", "found.error.when");
        } else if (when.get().atZone(store.timeZone()).toInstant().isAfter(clock.instant().plus(1, ChronoUnit.HOURS))) {
            errors.rejectValue("foundAt", "found.error.future");
        }
        if (errors.hasErrors()) {
            return page(me, model);
        }
        long id = lostAndFound.log(store.id(), me.storeScope(), form.what(), form.description(), form.foundWhere(),
                when.get().atZone(store.timeZone()).toInstant(), form.foundBy(), me.id());
        flash.addFlashAttribute("logged", form.what());
        return "redirect:/lost-and-found#item-" + id;
    }

    /** The person's own store; an owner picks one (the first when they have not). */
    private StoreSummary defaultStore(SignedInAssociate me, Long chosen) {
        List<StoreSummary> visible = organization.storesVisibleTo(me);
        return visible.stream()
                .filter(s -> me.storeScope().map(scope -> scope == s.id()).orElse(chosen == null || chosen == s.id()))
                .findFirst().orElse(visible.getFirst());
    }

    private String page(SignedInAssociate me, Model model) {
        List<StoreSummary> stores = organization.storesVisibleTo(me);
        Map<Long, StoreSummary> byId = stores.stream().collect(toMap(StoreSummary::id, Function.identity()));
        model.addAttribute("stores", stores);
        model.addAttribute("chooseStore", me.isOwner() && stores.size() > 1);
        Formats fmt = Formats.current();
        model.addAttribute("items", lostAndFound.unclaimed(me.storeScope(), Optional.empty()).stream().map(i -> {
            StoreSummary s = byId.get(i.storeId());
            ZoneId zone = s == null ? ZoneId.of("UTC") : s.timeZone();
            return new ItemView(i.id(), i.what(), i.description(), i.foundWhere(),
                    fmt.dateTime(i.foundAt(), zone), i.foundBy(), s == null ? "" : s.name());
        }).toList());
        return "service/lost-and-found";
    }
}
