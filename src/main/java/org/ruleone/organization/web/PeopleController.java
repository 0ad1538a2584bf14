package org.ruleone.organization.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.ProfileSource;
import org.ruleone.organization.ProfileSource.ProfileSection;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.organization.internal.Tenure;
import org.ruleone.organization.internal.TenureFacts;
import org.ruleone.platform.Formats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * An associate's profile at {@code /people/{id}} (seen by their store's people, any manager and the owner; ADR 0107),
 * with the sections other modules add, and the owner's tenure figures at {@code /people/tenure}.
 */
@Controller
@RequestMapping("/people")
class PeopleController {

    private final Organization organization;
    private final ObjectProvider<ProfileSource> sources;
    private final TenureFacts facts;
    private final MessageSource messages;
    private final JsonMapper json;

    PeopleController(Organization organization, ObjectProvider<ProfileSource> sources, TenureFacts facts,
                     MessageSource messages, JsonMapper json) {
        this.organization = organization;
        this.sources = sources;
        this.facts = facts;
        this.messages = messages;
        this.json = json;
    }

    /** Who may see a profile: the associate's own store, every manager, the owner (ADR 0107). */
    static boolean maySee(SignedInAssociate me, AssociateSummary them) {
        return me.id() == them.id() || me.role() == Role.OWNER || me.role() == Role.MANAGER
                || (me.storeId() != null && me.storeId().equals(them.storeId()));
    }

    @GetMapping("/{id:\\d+}")
    String profile(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        AssociateSummary them = organization.associate(id).filter(a -> maySee(me, a))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        LocalDate today = today();
        model.addAttribute("person", them);
        model.addAttribute("store", Optional.ofNullable(them.storeId()).flatMap(organization::store)
                .map(StoreSummary::name).orElse(""));
        model.addAttribute("tenure", Optional.ofNullable(them.hireDate())
                .map(hired -> tenure(Tenure.months(hired, today), locale)).orElse(null));
        List<ProfileSection> sections = new ArrayList<>();
        sources.orderedStream().forEach(s -> sections.addAll(s.profile(id, me, locale)));
        sections.sort(Comparator.comparingInt(ProfileSection::order));
        model.addAttribute("sections", sections);
        return "organization/profile";
    }

    record SpreadView(int counted, int hireDateUnknown, String median, String overOne, String overThree,
                      String overFive) {
    }

    record DepartureView(String year, int count) {
    }

    @GetMapping("/tenure")
    @PreAuthorize("hasRole('OWNER')")
    String tenure(@RequestParam(required = false) Long store, Model model, Locale locale) {
        if (store != null && organization.store(store).isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        List<Tenure.Person> people = facts.people(Optional.ofNullable(store));
        Tenure.Spread spread = Tenure.spread(people, today());
        Formats fmt = Formats.of(locale);
        model.addAttribute("spread", new SpreadView(spread.counted(), spread.hireDateUnknown(),
                spread.medianMonths().map(m -> tenure((int) Math.floor(m), locale)).orElse("–"),
                percent(spread.overOneYear(), fmt), percent(spread.overThreeYears(), fmt),
                percent(spread.overFiveYears(), fmt)));
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        spread.bands().forEach((band, count) -> {
            labels.add(text("organization.tenure.band." + band.name(), locale));
            counts.add(count);
        });
        chart.put("type", "bar");
        chart.put("labels", labels);
        chart.put("datasets", List.of(Map.of("label", text("organization.tenure.people", locale), "data", counts)));
        model.addAttribute("chart", json.writeValueAsString(chart));
        model.addAttribute("bands", labels);
        model.addAttribute("bandCounts", counts);
        Tenure.Departures departures = Tenure.departures(people);
        List<DepartureView> rows = new ArrayList<>();
        departures.perYear().forEach((year, count) -> rows.add(new DepartureView(year.toString(), count)));
        model.addAttribute("departures", rows);
        model.addAttribute("departuresUnknown", departures.dateUnknown());
        model.addAttribute("stores", organization.stores());
        model.addAttribute("selectedStore", store);
        return "organization/tenure";
    }

    private LocalDate today() {
        return organization.today(Optional.empty());
    }

    /** "3 years, 2 months" in the reader's language. */
    private String tenure(int months, Locale locale) {
        Period p = Period.ofMonths(months).normalized();
        return text("organization.profile.tenureValue", locale, p.getYears(), p.getMonths());
    }

    private static String percent(double share, Formats fmt) {
        return fmt.number(Math.round(share * 100)) + " %";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
