package org.ruleone.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Eighteen months of history for the proof "does experience bring them back?" and the power rankings (issue 14,
 * ADR 0113): {@value #CLIENTS} more clients of both stores with French and Polish names, each with one survey answer
 * credited to the associate who served them (some associates serve better than others), and the purchases of those
 * who came back, through the till. Whether and when a client comes back is drawn from a made-up model in which
 * promoters come back about twice as often as detractors, a problem resolved with a remedy more often than one only
 * answered, and a detractor followed up more often than one left alone. The same history every time (a seeded
 * random); purchases of the last month are left out so no thank-you note or survey invitation falls due for them.
 */
@Component
class DemoComeBack {

    static final int CLIENTS = 400;
    /** Of {@link #CLIENTS}: every fifth had a problem first, resolved with a remedy or only answered. */
    static final int WITH_A_CASE = CLIENTS / 5;

    private static final List<String> FRENCH_FIRST = List.of("Amélie", "Hélène", "Cécile", "Élodie", "Noémie",
            "Chloé", "Léa", "Margaux", "François", "Benoît", "Jérémie", "Théo", "Gaël", "Loïc", "Mathis",
            "Inès");
    private static final List<String> FRENCH_LAST = List.of("Lemoine", "Moreau", "Girard", "Bonnet", "Faure",
            "Rousseau", "Garçon", "Chevalier", "Bérard", "Lambert", "Pérez", "Fournier", "Mercier", "Lemaître");
    private static final List<String> POLISH_FIRST = List.of("Małgorzata", "Łucja", "Agnieszka", "Zofia",
            "Katarzyna", "Joanna", "Ewa", "Paweł", "Michał", "Grzegorz", "Wojciech", "Stanisław", "Jędrzej",
            "Bartłomiej");
    private static final List<String> POLISH_LAST = List.of("Nowick", "Kamińsk", "Lewandowsk", "Zielińsk",
            "Szymańsk", "Dąbrowsk", "Kozłowsk", "Jankowsk", "Wójcik", "Mazur", "Krawczyk", "Grabowsk", "Pawłowsk");

    /** The demo's two stores as the rest of the demo set them up. */
    record Stores(long flagship, long second, String flagshipCurrency, String secondCurrency, ZoneId flagshipZone,
                  ZoneId secondZone, LocalDate flagshipToday, LocalDate secondToday) {
    }

    /** The promoter's share among the clients each associate served: some serve better than others. */
    private static double promoterShare(AssociateSummary associate) {
        return 0.30 + (Math.floorMod(associate.name().hashCode(), 7)) * 0.06;
    }

    private final Organization organization;
    private final ClientBook clients;
    private final SurveyAnswers surveys;
    private final TillPurchases till;
    private final CaseDesk cases;

    DemoComeBack(Organization organization, ClientBook clients, SurveyAnswers surveys, TillPurchases till,
                 CaseDesk cases) {
        this.organization = organization;
        this.clients = clients;
        this.surveys = surveys;
        this.till = till;
        this.cases = cases;
    }

    /** Seeds the come-back history of both stores; run after their people (the training adds some). */
    void seed(Stores s) {
        Random dice = new Random(1414);
        List<AssociateSummary> here = serving(s.flagship());
        List<AssociateSummary> there = serving(s.second());
        Map<String, int[]> seen = new HashMap<>(); // per group: answers so far, come-backs so far
        for (int i = 0; i < CLIENTS; i++) {
            boolean flagship = i % 2 == 0;
            long store = flagship ? s.flagship() : s.second();
            ZoneId zone = flagship ? s.flagshipZone() : s.secondZone();
            LocalDate today = flagship ? s.flagshipToday() : s.secondToday();
            String currency = flagship ? s.flagshipCurrency() : s.secondCurrency();
            LocalDate answered = today.minusDays(20 + dice.nextInt(530));
            AssociateSummary servedBy = pick(flagship ? here : there, answered, dice);
            boolean french = flagship ? dice.nextInt(3) > 0 : dice.nextInt(5) == 0;
            Language language = french ? Language.FR : Language.PL;
            long client = client(store, servedBy.id(), (flagship ? "C-" : "K-") + (3001 + i), language, dice);

            double roll = dice.nextDouble();
            double promoters = promoterShare(servedBy);
            boolean withCase = i % 5 == 0;
            boolean remedy = withCase && dice.nextBoolean();
            if (withCase) { // a remedy makes for happier answers
                promoters += remedy ? 0.15 : -0.15;
            }
            int comeBack = roll < promoters ? 9 + dice.nextInt(2)
                    : roll < promoters + (1 - promoters) * 0.55 ? 7 + dice.nextInt(2) : 1 + dice.nextInt(6);
            int satisfaction = comeBack >= 9 ? 4 + dice.nextInt(2) : comeBack >= 7 ? 3 + dice.nextInt(2)
                    : 1 + dice.nextInt(3);
            Instant at = answered.atTime(LocalTime.of(10 + dice.nextInt(8), dice.nextInt(60))).atZone(zone)
                    .toInstant();
            Long caseId = withCase ? problem(store, client, servedBy.id(), language, currency, remedy,
                    at.minus(Duration.ofDays(2)), dice) : null;
            // Imported answers open no follow-up: the detractors among them were left alone.
            boolean imported = !withCase && dice.nextInt(10) < 3;
            boolean followedUp = comeBack <= 6 && !imported;
            SurveyChannel channel = withCase ? SurveyChannel.CASE_RESOLVED
                    : imported ? SurveyChannel.IMPORT : SurveyChannel.PURCHASE;
            surveys.record(new SurveyAnswers.RecordedAnswer(store, client, servedBy.id(), channel, language,
                    comeBack, satisfaction, null, caseId, null, at));

            Group group = comeBack >= 9 ? Group.PROMOTER : comeBack >= 7 ? Group.PASSIVE
                    : followedUp ? Group.FOLLOWED_UP : Group.LEFT_ALONE;
            double share = group.share + (!withCase ? 0 : remedy ? 0.10 : -0.15);
            int[] counts = seen.computeIfAbsent(group + (withCase ? remedy ? "+remedy" : "+answered" : ""),
                    k -> new int[2]);
            int n = counts[0]++;
            if (Math.floor((n + 1) * share) > Math.floor(n * share)) {
                // Most who come back do so within months, spread evenly (golden ratio steps): some 40% within 90 days.
                double spread = (counts[1]++ * 0.6180339887) % 1;
                int after = 3 + (int) Math.round(Math.pow(spread, 1.6) * 360);
                LocalDate day = answered.plusDays(after);
                if (!day.isAfter(today.minusDays(31))) {
                    purchase(store, (flagship ? "C-" : "K-") + (3001 + i), day.atTime(LocalTime.of(15, 0))
                            .atZone(zone).toInstant(), dice);
                }
            }
        }
    }

    /**
     * The made-up model (ADR 0113): of each group, this share comes back, ten points more after a problem put right
     * with a remedy, fifteen fewer after one only answered. Exactly that share, in order (the n-th of a group comes
     * back when the share of n reaches the next whole client), so the proof finds the model rather than a seed's luck.
     */
    enum Group {
        PROMOTER(0.64), PASSIVE(0.45), FOLLOWED_UP(0.36), LEFT_ALONE(0.15);

        final double share;

        Group(double share) {
            this.share = share;
        }
    }

    /** The store's associates and managers, as they were hired. */
    private List<AssociateSummary> serving(long store) {
        return organization.associates(Optional.of(store)).stream()
                .filter(a -> a.role() != Role.OWNER && a.hireDate() != null && a.storeId() != null
                        && a.storeId() == store)
                .toList();
    }

    /** One of the people of the store on that day (hired by then), or the longest-serving one. */
    private static AssociateSummary pick(List<AssociateSummary> people, LocalDate day, Random dice) {
        List<AssociateSummary> working = people.stream().filter(a -> !a.hireDate().isAfter(day)).toList();
        if (working.isEmpty()) {
            return people.stream().min((a, b) -> a.hireDate().compareTo(b.hireDate())).orElseThrow();
        }
        return working.get(dice.nextInt(working.size()));
    }

    private long client(long store, long associate, String number, Language language, Random dice) {
        boolean french = language == Language.FR;
        String first = french ? FRENCH_FIRST.get(dice.nextInt(FRENCH_FIRST.size()))
                : POLISH_FIRST.get(dice.nextInt(POLISH_FIRST.size()));
        String last = french ? FRENCH_LAST.get(dice.nextInt(FRENCH_LAST.size()))
                : polish(POLISH_LAST.get(dice.nextInt(POLISH_LAST.size())), first);
        String email = number.toLowerCase(Locale.ROOT) + (french ? "@example.fr" : "@example.pl");
        return clients.add(new ClientDraft(store, number, first, last, email, "", PostalAddress.NONE, language, "",
                List.of(), List.of(), "", associate));
    }

    /** A Polish surname's ending agrees with the first name: Wiśniewska, Wiśniewski. */
    private static String polish(String stem, String first) {
        if (!stem.endsWith("sk") && !stem.endsWith("ck")) {
            return stem;
        }
        return stem + (first.endsWith("a") ? "a" : "i");
    }

    private static final List<String> PROBLEMS_FR = List.of("Couture défaite après une semaine",
            "Mauvaise taille livrée", "Attente trop longue pour une retouche");
    private static final List<String> PROBLEMS_PL = List.of("Rozpruty szew po tygodniu",
            "Dostarczono zły rozmiar", "Za długo czekałam na poprawkę krawiecką");

    /** A problem brought to the store and resolved two days before the answer: with a remedy or only answered. */
    private long problem(long store, long client, long associate, Language language, String currency,
                         boolean remedy, Instant openedAt, Random dice) {
        List<String> problems = language == Language.FR ? PROBLEMS_FR : PROBLEMS_PL;
        String subject = problems.get(dice.nextInt(problems.size()));
        Optional<Long> all = Optional.empty();
        long id = at(openedAt).open(new CaseDraft(store, client, associate, Channel.IN_STORE, subject, language,
                subject + "."), all);
        Resolution resolution = !remedy ? Resolution.answered(currency) : switch (dice.nextInt(3)) {
            case 0 -> Resolution.of(ResolutionKind.GOODWILL, Money.of("25.00", currency));
            case 1 -> Resolution.of(ResolutionKind.EXCHANGE, Money.of("0.00", currency));
            default -> Resolution.refund(Money.of("60.00", currency), false);
        };
        at(openedAt.plus(Duration.ofHours(2))).resolve(id, all, associate, resolution,
                remedy ? "Put right on the spot." : "Explained our policy.");
        return id;
    }

    private void purchase(long store, String number, Instant at, Random dice) {
        int price = 40 + dice.nextInt(12) * 15;
        till.record(new TillPurchase(store, "DEMO-" + number + "-2", at, number, null,
                List.of(new TillPurchase.Line("DEMO-RETURN", "Second visit", 1, BigDecimal.valueOf(price)))));
    }

    private CaseDesk at(Instant moment) {
        return cases.asOf(Clock.fixed(moment, ZoneOffset.UTC));
    }
}
