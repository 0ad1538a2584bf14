package org.ruleone.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryReport;
import org.ruleone.experience.MysteryReports;
import org.ruleone.experience.MysteryReviews;
import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryScheduling;
import org.ruleone.experience.MysteryShopperDraft;
import org.ruleone.experience.MysteryShopperKind;
import org.ruleone.experience.MysteryShoppers;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.MysteryVisitDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/**
 * The demo's mystery shopping, through experience's public API as a manager and a shopper would use it, each step
 * at its moment of the demo's history: Claire, a friend of the first store paid 20 a visit, and Żaneta, a best
 * client of the second store thanked with a dinner; a dozen visits over eight months whose scores rise (greeting
 * and the phone first, then the rest), a hotel and a bank visited to compare with, one report waiting for review
 * and one visit coming up. The same visits every time.
 */
@Component
class DemoMystery {

    private final MysteryChecklists checklists;
    private final MysteryShoppers shoppers;
    private final MysteryScheduling scheduling;
    private final MysteryReports reports;
    private final MysteryReviews reviews;

    DemoMystery(MysteryChecklists checklists, MysteryShoppers shoppers, MysteryScheduling scheduling,
                MysteryReports reports, MysteryReviews reviews) {
        this.checklists = checklists;
        this.shoppers = shoppers;
        this.scheduling = scheduling;
        this.reports = reports;
        this.reviews = reviews;
    }

    /** The demo's two stores, their managers, the best client and each store's time zone and today. */
    record Stores(long flagship, long second, long sally, long amelie, long zaneta, String flagshipCurrency,
                  ZoneId flagshipZone, ZoneId secondZone, LocalDate flagshipToday, LocalDate secondToday) {
    }

    /** One visit of the story: where, how many days ago, what was asked and how good the service was (0–1). */
    private record Plan(boolean flagship, int daysAgo, String department, String target, String business,
                        String scenario, double quality, boolean phone, String stoodOut) {
    }

    private static final String SIZE_EN = "Ask for your size in a style that is not on the floor; then buy something small.";
    private static final String CALL_EN = "Call the store first to ask whether they have your size, then visit.";
    private static final String SIZE_PL = "Zapytaj o swój rozmiar modelu, którego nie ma na sali; potem kup coś drobnego.";
    private static final String CALL_PL = "Najpierw zadzwoń do sklepu z pytaniem o rozmiar, potem przyjdź.";

    void seed(Stores s) {
        long version = checklists.checklists().stream().filter(c -> !c.archived()).findFirst()
                .map(MysteryChecklists.Summary::versionId).orElseThrow();
        List<MysteryItem> items = checklists.version(version).orElseThrow().items();
        long claire = shoppers.add(new MysteryShopperDraft(s.flagship(), "Claire Fontaine", "claire.fontaine@example.fr",
                Language.FR, MysteryShopperKind.FRIEND, null,
                MysteryReward.money(new BigDecimal("20.00"), s.flagshipCurrency())), Optional.empty(), s.sally());
        long zaneta = shoppers.add(new MysteryShopperDraft(s.second(), null, null, null,
                MysteryShopperKind.BEST_CLIENT, s.zaneta(),
                MysteryReward.gift("Kolacja dla dwojga", new BigDecimal("150.00"), "PLN")), Optional.empty(),
                s.amelie());

        List<Plan> plans = List.of(
                new Plan(true, 240, "Shoes", "OWN_STORE", "", SIZE_EN, 0.45, false, ""),
                new Plan(false, 225, "Obuwie", "OWN_STORE", "", CALL_PL, 0.50, true, ""),
                new Plan(true, 200, "Menswear", "OWN_STORE", "", CALL_EN, 0.55, true, ""),
                new Plan(false, 180, "Płaszcze", "OWN_STORE", "", SIZE_PL, 0.55, false, ""),
                new Plan(true, 160, "Shoes", "OWN_STORE", "", SIZE_EN, 0.62, false, ""),
                new Plan(true, 150, "", "HOTEL", "Grand Hôtel Aurore",
                        "Stay one night and ask the front desk for something unusual (a sewing kit, a late taxi).",
                        0.95, true, "Le réceptionniste est sorti de derrière son comptoir pour m’accompagner à "
                                + "l’ascenseur et m’a appelée par mon nom le lendemain matin. Personne ne m’a fait "
                                + "attendre, même au téléphone."),
                new Plan(false, 140, "Obuwie", "OWN_STORE", "", SIZE_PL, 0.66, false, ""),
                new Plan(true, 120, "Menswear", "OWN_STORE", "", SIZE_EN, 0.72, false, ""),
                new Plan(false, 105, "", "BANK", "Bank Wiślany",
                        "Ask how to open an account for a teenager, in the branch, at lunchtime.", 0.40, true,
                        "Kolejka 20 minut, numerek z automatu i nikt nie podniósł wzroku. Doradczyni była miła, "
                                + "ale wskazała formularz palcem i odesłała do aplikacji."),
                new Plan(false, 90, "Płaszcze", "OWN_STORE", "", CALL_PL, 0.78, true, ""),
                new Plan(true, 70, "Shoes", "OWN_STORE", "", CALL_EN, 0.82, true, ""),
                new Plan(false, 50, "Obuwie", "OWN_STORE", "", SIZE_PL, 0.85, false, ""),
                new Plan(true, 30, "Menswear", "OWN_STORE", "", SIZE_EN, 0.88, false, ""),
                new Plan(true, 14, "Shoes", "OWN_STORE", "", SIZE_EN, 0.92, false, ""));
        Random dice = new Random(1212);
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            boolean last = i == plans.size() - 1;
            visit(s, p, version, items, p.flagship() ? claire : zaneta, dice, !last, i % 5 != 4);
        }
        // Coming up: Claire's next visit, in the week ahead; its link goes out when a manager mails it again.
        scheduling.recordScheduled(new MysteryVisitDraft(s.flagship(), "Menswear", MysteryVisit.OWN_STORE, "",
                s.flagshipToday().plusDays(2), s.flagshipToday().plusDays(9), CALL_EN, version, claire),
                Optional.empty(), s.sally(), at(s.flagshipToday().minusDays(1), LocalTime.of(9, 0), s.flagshipZone()));
    }

    /** Schedules, fills in, submits and (unless {@code review} is false) accepts a visit, and pays it if asked. */
    private void visit(Stores s, Plan p, long version, List<MysteryItem> items, long shopper, Random dice,
                       boolean review, boolean pay) {
        long store = p.flagship() ? s.flagship() : s.second();
        long manager = p.flagship() ? s.sally() : s.amelie();
        ZoneId zone = p.flagship() ? s.flagshipZone() : s.secondZone();
        LocalDate day = (p.flagship() ? s.flagshipToday() : s.secondToday()).minusDays(p.daysAgo());
        long visit = scheduling.recordScheduled(new MysteryVisitDraft(store, p.department(), p.target(),
                        p.business(), day.minusDays(3), day.plusDays(4), p.scenario(), version, shopper),
                Optional.empty(), manager, at(day.minusDays(10), LocalTime.of(9, 30), zone));
        Map<Long, MysteryItemAnswer> answers = new HashMap<>();
        for (MysteryItem item : items) {
            answers.put(item.id(), answer(item, p, dice));
        }
        LocalDateTime visitedAt = day.atTime(LocalTime.of(11 + dice.nextInt(6), dice.nextInt(60)));
        MysteryReports.Outcome sent = reports.asOf(fixed(visitedAt.plusHours(3), zone)).save(visit, shopper,
                new MysteryReport(answers, visitedAt, p.stoodOut()), null, true);
        if (sent.result() != MysteryReports.Result.SUBMITTED) {
            throw new IllegalStateException("demo mystery visit not submitted: " + sent);
        }
        if (!review) {
            return;
        }
        MysteryReviews asOf = reviews.asOf(fixed(visitedAt.plusDays(2), zone));
        asOf.accept(visit, manager, Optional.empty());
        if (pay) {
            reviews.asOf(fixed(visitedAt.plusDays(5), zone)).markRewardPaid(visit, null, manager, Optional.empty());
        }
    }

    /** An answer as good as the visit: yes more often, higher scales and fewer rings or seconds as quality rises. */
    private static MysteryItemAnswer answer(MysteryItem item, Plan p, Random dice) {
        String key = item.key();
        boolean phoneItem = key.contains("phone");
        boolean sizeItem = key.contains("stock");
        if (item.naAllowed() && ((phoneItem && !p.phone()) || (sizeItem && !p.scenario().contains("size")
                && !p.scenario().contains("rozmiar")) || (!p.target().equals("OWN_STORE")
                && (key.contains("bag") || key.contains("department"))))) {
            return new MysteryItemAnswer(item.id(), true, null, "");
        }
        double q = Math.min(1, Math.max(0, p.quality() + (dice.nextDouble() - 0.5) * 0.3));
        BigDecimal value = switch (item.type()) {
            case YES_NO -> dice.nextDouble() < q ? BigDecimal.ONE : BigDecimal.ZERO;
            case SCALE -> BigDecimal.valueOf(Math.max(1, Math.min(5, Math.round(1 + 4 * q))));
            case NUMBER -> {
                BigDecimal target = item.numberTarget();
                // a good visit meets the target, a poor one misses it by up to three times
                double factor = dice.nextDouble() < q ? 0.3 + 0.7 * dice.nextDouble() : 1.2 + 2 * dice.nextDouble();
                yield BigDecimal.valueOf(Math.max(1, Math.round(target.doubleValue() * factor)));
            }
        };
        String comment = "";
        if (value.signum() == 0 && item.critical() && p.flagship()) {
            comment = "Nobody looked up for a good minute; two associates were busy with the stock room door.";
        } else if (value.signum() == 0 && item.critical()) {
            comment = "Nikt się nie odezwał, sprzedawczyni rozmawiała przez telefon.";
        }
        return new MysteryItemAnswer(item.id(), false, value, comment);
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static Clock fixed(LocalDateTime local, ZoneId zone) {
        return Clock.fixed(local.atZone(zone).toInstant(), ZoneOffset.UTC);
    }
}
