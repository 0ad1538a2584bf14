package org.ruleone.clienteling.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.clienteling.SegmentRefresh;
import org.ruleone.clienteling.Segment;
import org.ruleone.clienteling.Tasks;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.CaseSummary;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ruleone.clienteling.HomeNotices;
import org.ruleone.clienteling.Segments;
import org.ruleone.clienteling.internal.BookQuery;
import org.ruleone.clienteling.internal.BookScreen;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The associate's home screen, {@code /book}. An associate sees their own book; a manager or owner chooses whose
 * book to look at among the associates of the stores they see (another store's associate is a 404).
 */
@Controller
@RequestMapping("/book")
class BookHomeController {

    private static final Logger log = LoggerFactory.getLogger(BookHomeController.class);

    private final BookScreen screen;
    private final Segments segments;
    private final Organization organization;
    private final Tasks tasks;
    private final CaseDesk cases;
    private final ObjectProvider<HomeNotices> notices;

    BookHomeController(BookScreen screen, Segments segments, Organization organization, Tasks tasks, CaseDesk cases,
                       ObjectProvider<HomeNotices> notices) {
        this.notices = notices;
        this.tasks = tasks;
        this.cases = cases;
        this.screen = screen;
        this.segments = segments;
        this.organization = organization;
    }

    @GetMapping
    String book(@RequestParam(required = false) String associate, @RequestParam(required = false) String segment,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(required = false) String page,
                @AuthenticationPrincipal SignedInAssociate me, Locale locale, Model model) {
        List<AssociateSummary> keepers = me.isManagerOrOwner()
                ? organization.associates(me.storeScope()).stream().filter(a -> a.storeId() != null).toList()
                : List.of();
        long whose = whose(associate, me, keepers);
        Long storeId = whose == me.id() ? me.storeId()
                : keepers.stream().filter(a -> a.id() == whose).findFirst().map(AssociateSummary::storeId).orElseThrow();
        ZoneId zone = Optional.ofNullable(storeId).flatMap(organization::store).map(StoreSummary::timeZone)
                .orElse(ZoneId.of("UTC"));
        BookQuery query = BookQuery.parse(segment, tag, sort, dir, page);
        model.addAttribute("view", screen.of(whose, zone, query));
        model.addAttribute("query", query);
        model.addAttribute("whose", whose);
        model.addAttribute("mine", whose == me.id());
        model.addAttribute("whoseName", whose == me.id() ? me.name()
                : keepers.stream().filter(a -> a.id() == whose).findFirst().map(AssociateSummary::name).orElse(""));
        model.addAttribute("keepers", keepers);
        model.addAttribute("segments", Segment.values());
        model.addAttribute("drifting", List.of(Segment.AT_RISK, Segment.LAPSED));
        model.addAttribute("sorts", BookQuery.Sort.values());
        model.addAttribute("fmt", new BookFormat(locale, zone));
        model.addAttribute("daysAhead", BookScreen.DATES_AHEAD_DAYS);
        model.addAttribute("links", new BookLinks(whose == me.id() ? null : whose, query));
        if (storeId != null) {
            LocalDate today = tasks.today(storeId);
            model.addAttribute("today", today);
            model.addAttribute("todayTasks", tasks.open(Tasks.Who.associate(storeId, whose), today));
            model.addAttribute("names", organization.associates(Optional.of(storeId)).stream()
                    .collect(Collectors.toMap(AssociateSummary::id, AssociateSummary::name)));
            model.addAttribute("storeNames", organization.stores().stream()
                    .collect(Collectors.toMap(StoreSummary::id, StoreSummary::name)));
        }
        model.addAttribute("openCases", openCases(whose, me.storeScope()));
        model.addAttribute("notices", whose == me.id()
                ? notices.orderedStream().flatMap(n -> n.notices(me.id(), locale).stream()).toList() : List.of());
        return "clienteling/book";
    }

    /** The cases this associate owns that are not resolved: open ones first, then those waiting on the client. */
    private List<CaseSummary> openCases(long associateId, Optional<Long> scope) {
        return Stream.of(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER)
                .flatMap(s -> cases.list(CaseFilter.ownedBy(associateId).withStatus(s), scope).stream()
                        .sorted(Comparator.comparing(CaseSummary::openedAt).reversed()))
                .toList();
    }

    /** Recomputes every client's segment in the background; the page says when they were last computed. */
    @PostMapping("/segments/refresh")
    @PreAuthorize("hasAnyRole('OWNER','MANAGER')")
    String refresh(@RequestParam(required = false) String back, RedirectAttributes flash) {
        Thread.ofVirtual().name("segment-refresh").start(() -> {
            try {
                segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
            } catch (RuntimeException e) {
                log.error("Client segment refresh failed", e);
            }
        });
        flash.addFlashAttribute("refreshStarted", true);
        return "redirect:/book" + (back != null && back.matches("\\?associate=\\d+") ? back : "");
    }

    /** The associate whose book to show: oneself, or for a manager or owner someone of a store they see. */
    private static long whose(String requested, SignedInAssociate me, List<AssociateSummary> keepers) {
        if (requested == null || requested.isBlank()) {
            return me.id();
        }
        long id;
        try {
            id = Long.parseLong(requested.strip());
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        if (id == me.id() || keepers.stream().anyMatch(a -> a.id() == id)) {
            return id;
        }
        throw new ResponseStatusException(NOT_FOUND);
    }
}
