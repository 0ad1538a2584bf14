package org.ruleone.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.training.Criterion;
import org.ruleone.training.RoleplaySessions;
import org.ruleone.training.ScenarioDraft;
import org.ruleone.training.ScenarioOrigin;
import org.ruleone.training.Scenarios;
import org.ruleone.training.SessionDraft;
import org.springframework.stereotype.Component;

/**
 * The demo's roleplay training (issue 13): two scenarios (the tires in English, the returned boots in Polish), two
 * more people to play the customer, and sessions in both stores — two held with feedback from two watchers and a
 * reflection, one coming up — so the progress page has a line to draw. Run after the stores and their managers.
 */
@Component
class DemoTraining {

    private final Organization organization;
    private final Scenarios scenarios;
    private final RoleplaySessions sessions;
    private final SecureRandom random = new SecureRandom();

    DemoTraining(Organization organization, Scenarios scenarios, RoleplaySessions sessions) {
        this.organization = organization;
        this.scenarios = scenarios;
        this.sessions = sessions;
    }

    /** Seeds the training of the two demo stores; a store without a manager and an associate is left out. */
    void seed(long flagship, long second) {
        flagship(flagship);
        second(second);
    }

    private void flagship(long store) {
        Optional<SignedInAssociate> manager = first(store, Role.MANAGER);
        Optional<SignedInAssociate> associate = first(store, Role.ASSOCIATE);
        if (manager.isEmpty() || associate.isEmpty()) {
            return;
        }
        SignedInAssociate sally = manager.get();
        SignedInAssociate player = associate.get();
        SignedInAssociate jamie = person("Jamie Laces", "jamie", store, LocalDate.of(2024, 2, 5), Language.EN);
        SignedInAssociate owner = first(store, Role.OWNER).orElse(null);
        long tires = scenarios.create(new ScenarioDraft("The tires we never sold",
                "A customer rolls four winter tires to the counter and asks for a refund. We have never sold tires.",
                "You are polite but firm: you bought them \"here\" years ago, you have no receipt, and you need the "
                        + "money for Christmas presents.",
                "Take them back on the spot, with a smile, without asking anyone. Thank them for coming in.",
                ScenarioOrigin.HAND, null, List.of(
                        new Criterion(1, "Listening", "Interrupts and argues about where the tires came from.",
                                "Lets the customer finish and says back what they need."),
                        new Criterion(2, "Solving it on the spot", "Sends the customer to a manager or away.",
                                "Refunds there and then, without asking permission."),
                        new Criterion(3, "Warmth", "Cold and suspicious.", "The customer leaves happier than they came."))),
                sally);
        List<Long> watchers = owner == null ? List.of(sally.id()) : List.of(sally.id(), owner.id());
        LocalDate today = sessions.today(store);
        long first = sessions.setUp(new SessionDraft(tires, store, today.minusDays(14), jamie.id(), player.id(),
                watchers), sally);
        feedback(first, sally, Map.of(1, 2, 2, 3, 3, 3), "You argued about the tires first. Listen, then act.");
        if (owner != null) {
            feedback(first, owner, Map.of(1, 3, 2, 2, 3, 4), "Warm, but you went to find a manager: you are the manager.");
        }
        feedback(first, jamie, Map.of(1, 2, 2, 3, 3, 4), "I felt doubted at first.");
        sessions.reflect(first, player, "I wanted to check the receipt first. Next time: listen, refund, thank.");
        sessions.close(first, sally);
        long second = sessions.setUp(new SessionDraft(tires, store, today.minusDays(3), jamie.id(), player.id(),
                watchers), sally);
        feedback(second, sally, Map.of(1, 4, 2, 5, 3, 4), "Much better: the refund took a minute.");
        if (owner != null) {
            feedback(second, owner, Map.of(1, 5, 2, 4, 3, 5), "That is Rule One.");
        }
        sessions.reflect(second, player, "Easier once I stopped thinking about where the tires came from.");
        sessions.setUp(new SessionDraft(tires, store, today.plusDays(4), player.id(), jamie.id(), watchers), sally);
    }

    private void second(long store) {
        Optional<SignedInAssociate> manager = first(store, Role.MANAGER);
        Optional<SignedInAssociate> associate = first(store, Role.ASSOCIATE);
        if (manager.isEmpty() || associate.isEmpty()) {
            return;
        }
        SignedInAssociate amelie = manager.get();
        SignedInAssociate player = associate.get();
        SignedInAssociate tomasz = person("Tomasz Wójcik", "tomasz", store, LocalDate.of(2022, 10, 3), Language.PL);
        SignedInAssociate ola = person("Aleksandra Mazur", "ola", store, LocalDate.of(2025, 5, 12), Language.PL);
        long boots = scenarios.create(new ScenarioDraft("Kozaki po roku",
                "Klientka przynosi kozaki noszone przez cały sezon. Obcas się złamał; paragonu nie ma.",
                "Jesteś zdenerwowana: to były drogie buty, a w innym sklepie odmówiono ci zwrotu.",
                "Przyjąć buty bez dyskusji i zaproponować zwrot albo nową parę, od ręki.",
                ScenarioOrigin.HAND, null, List.of(
                        new Criterion(1, "Słuchanie", "Przerywa i tłumaczy regulamin.",
                                "Daje klientce skończyć i pyta, czego potrzebuje."),
                        new Criterion(2, "Rozwiązanie od ręki", "Odsyła do kierownika albo do producenta.",
                                "Przyjmuje zwrot na miejscu, bez pytania o zgodę."))),
                amelie);
        LocalDate today = sessions.today(store);
        long held = sessions.setUp(new SessionDraft(boots, store, today.minusDays(6), tomasz.id(), player.id(),
                List.of(amelie.id(), ola.id())), amelie);
        feedback(held, amelie, Map.of(1, 4, 2, 3), "Bien écouté ; propose la nouvelle paire tout de suite.");
        feedback(held, ola, Map.of(1, 5, 2, 4), "Spokojnie i życzliwie. Zwrot mógł być szybciej.");
        sessions.reflect(held, player, "Następnym razem od razu zaproponuję nową parę.");
    }

    private void feedback(long session, SignedInAssociate by, Map<Integer, Integer> scores, String comment) {
        sessions.giveFeedback(session, by, scores, comment);
    }

    private Optional<SignedInAssociate> first(long store, Role role) {
        return organization.associates(Optional.of(store)).stream()
                .filter(a -> a.active() && a.role() == role).map(AssociateSummary::email).findFirst()
                .flatMap(organization::signInDetails);
    }

    private SignedInAssociate person(String name, String handle, long store, LocalDate hired, Language language) {
        // No default passwords: a random one nobody knows until the owner sets a real one.
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String email = handle + "@demo.example";
        if (organization.signInDetails(email).filter(a -> !Long.valueOf(store).equals(a.storeId())).isPresent()) {
            email = handle + "." + store + "@demo.example";
        }
        if (organization.signInDetails(email).isEmpty()) {
            organization.createAssociate(new AssociateDraft(name, email, Role.ASSOCIATE, store, hired, language),
                    Base64.getEncoder().encodeToString(secret));
        }
        return organization.signInDetails(email).orElseThrow();
    }
}
