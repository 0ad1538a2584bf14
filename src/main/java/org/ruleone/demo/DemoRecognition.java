package org.ruleone.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.recognition.HeroicDraft;
import org.ruleone.recognition.Heroics;
import org.ruleone.recognition.Legends;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/**
 * The demo's heroics across both stores, some tied to the demo's cases (the tires, the boots, the diamond), with
 * thanks and an internal comment, and the tires heroic marked a legend by its store's manager. The five founding
 * legends come with the schema. Through recognition's public API only.
 */
@Component
class DemoRecognition {

    private final Organization organization;
    private final CaseDesk cases;
    private final Heroics heroics;
    private final Legends legends;
    private final Clock clock;

    DemoRecognition(Organization organization, CaseDesk cases, Heroics heroics, Legends legends, Clock clock) {
        this.clock = clock;
        this.organization = organization;
        this.cases = cases;
        this.heroics = heroics;
        this.legends = legends;
    }

    /**
     * Seeds the heroics once the demo's people and cases exist.
     *
     * @param caseIds the demo's cases by name, as {@code DemoData.serviceCases} returns them ("tires", "boots",
     *                "diamond", "size"...)
     */
    void heroics(Map<String, Long> caseIds) {
        long craig = person("craig");
        long sally = person("sally");
        long marek = person("marek");
        long amelie = person("amelie");

        long tires = heroics.report(sally, draft(List.of(craig), caseIds.get("tires"), """
                Craig has been with us for two weeks. A client brought four winter tires to the counter and asked \
                for her money back. We have never sold tires. Craig did not call me and did not argue: he read the \
                price off the tires, refunded them and thanked her for coming. She told everyone at the till."""));
        heroics.report(craig, draft(List.of(sally), caseIds.get("boots"), """
                Mary's heel came off two days before her trip. Sally did not ask whose fault it was: she sent a new \
                pair by express the same morning and told Mary to keep the old ones."""));
        heroics.report(amelie, draft(List.of(marek), caseIds.get("diamond"), """
                Żaneta a perdu un diamant de sa boucle d'oreille en essayant des manteaux. Marek a vidé les cabines \
                une à une, puis a démonté le banc : le diamant était dessous. Elle l'a récupéré le jour même."""));
        heroics.report(marek, draft(List.of(amelie), caseIds.get("size"), """
                Klientka pytała o czółenka w rozmiarze 38. Amélie nie tylko odpisała od razu, ale odłożyła obie \
                pary, 38 i 38,5, żeby klientka mogła przymierzyć je po pracy."""));
        heroics.report(craig, draft(List.of(sally, marek), null, """
                Saturday rush: Sally and Marek (visiting from Kraków) walked every customer to the shelf instead of \
                pointing, and nobody waited more than two minutes at the till."""));

        heroics.thank(tires, marek);
        heroics.thank(tires, amelie);
        heroics.comment(tires, sally, "Let's tell this one at Monday's briefing: it is our own tires story.");
        legends.mark(tires, sally, "Craig's winter tires",
                "Two weeks in the job is enough to use your best judgment: take it back, with no approval.",
                Language.EN);
    }

    private HeroicDraft draft(List<Long> heroes, Long caseId, String what) {
        LocalDate day = Optional.ofNullable(caseId).flatMap(id -> cases.find(id, Optional.empty()))
                .map(this::dayOf).orElseGet(() -> LocalDate.now(clock).minusDays(3));
        return new HeroicDraft(heroes, day, null, caseId, what, null);
    }

    private LocalDate dayOf(ServiceCase c) {
        ZoneId zone = organization.store(c.storeId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        return LocalDate.ofInstant(c.openedAt(), zone);
    }

    private long person(String handle) {
        return organization.signInDetails(handle + "@demo.example").map(SignedInAssociate::id).orElseThrow();
    }
}
