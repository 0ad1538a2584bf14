package org.ruleone.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.ruleone.experience.SurveyAnswered;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreDraft;
import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.ruleone.rankings.Rankings;
import org.ruleone.recognition.HeroicReported;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner, on a 390 px phone, finds the rankings put the associate with the happiest clients first; she weighs
 * heroics more (after a refused try with sales at 25%), sees this month's ranking unchanged, and next month the
 * associate with the heroics comes first with a sentence saying why.
 */
@DirtiesContext
@Import(StandardsTestSupport.class)
class OwnerReweighsTheRankingsOnAPhoneJourney extends BrowserJourney {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final LocalDate MARCH = LocalDate.of(2032, 3, 1);

    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired MutableClock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired Rankings rankings;

    private long ids = 7_000_000_000L + System.nanoTime() % 1_000_000;

    private void publish(Object event) {
        transactions.executeWithoutResult(s -> events.publishEvent(event));
    }

    private long associate(String name, long store) {
        String email = "rank-" + UUID.randomUUID() + "@example.com";
        return organization.createAssociate(new AssociateDraft(name, email, Role.ASSOCIATE, store, null, Language.EN),
                TestPeople.PASSWORD);
    }

    /** In March and April: Basia's twelve clients all say they will come back; Adam is the hero three times. */
    private void aMonthOfWork(LocalDate month, long store, long adam, long basia) {
        for (int i = 0; i < 12; i++) {
            publish(new SurveyAnswered(++ids, store, null, basia, SurveyChannel.IN_STORE, 10, 5, "",
                    null, null, month.plusDays(i).atTime(12, 0).atZone(WARSAW).toInstant()));
        }
        for (int i = 0; i < 3; i++) {
            publish(new HeroicReported(++ids, basia, List.of(new HeroicReported.Hero(adam, store)),
                    month.plusDays(2 + i), null, null, month.plusDays(2 + i).atTime(18, 0).atZone(WARSAW).toInstant()));
        }
    }

    private static Locator rowOf(Page p, String name) {
        return p.locator("#ranking tbody tr", new Page.LocatorOptions().setHasText(name));
    }

    @Test
    void ownerWeighsHeroicsMoreAndTheRankingChangesFromNextMonth() {
        people.owner();
        clock.set(LocalDateTime.of(2032, 3, 20, 10, 0).atZone(WARSAW).toInstant());
        long store = organization.createStore(new StoreDraft("Ranked " + UUID.randomUUID(), "", "PL", WARSAW,
                Language.PL, List.of()));
        long adam = associate("Adam Hero", store);
        long basia = associate("Basia Smile", store);
        aMonthOfWork(MARCH, store, adam, basia);
        aMonthOfWork(MARCH.plusMonths(1), store, adam, basia);

        for (YearMonth month : List.of(YearMonth.from(MARCH), YearMonth.from(MARCH).plusMonths(1))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Ranking r = rankings.ranking(Optional.of(store), Period.month(month));
                return r.rows().stream().anyMatch(row -> row.associateId() == basia
                        && row.components().get(Component.EXPERIENCE).dataPoints() == 12)
                        && r.rows().stream().anyMatch(row -> row.associateId() == adam
                        && row.components().get(Component.HEROICS).value() == 100);
            });
        }

        BrowserContext phone = newContext(390, 844);
        Page p = phone.newPage();
        signIn(p, people.owner().email(), TestPeople.PASSWORD);
        p.navigate(url("/rankings?store=" + store));
        assertThat(rowOf(p, "Basia Smile").locator("td.rank")).hasText("1");
        assertThat(rowOf(p, "Adam Hero").locator("td.rank")).hasText("2");
        assertThat(rowOf(p, "Basia Smile").locator("td.why"))
                .containsText("strongest in the experience of the clients served (100)");
        assertThat(p.locator("canvas[data-drawn=true]")).hasCount(1);
        assertThat(ManagerReviewsServiceStandardsJourney.tooWide(p)).as("nothing wider than the phone").isEmpty();
        screenshot(p, "rankings-phone");

        p.locator("main a[href='/rankings/weights']").click();
        p.locator("#weight-experience").fill("0");
        p.locator("#weight-heroics").fill("75");
        p.locator("#weight-mystery").fill("0");
        p.locator("#weight-cameBack").fill("0");
        p.locator("#weight-standards").fill("0");
        p.locator("#weight-training").fill("0");
        p.locator("#weight-sales").fill("25");
        p.locator("#weights-form button[type=submit]").click();
        assertThat(p.locator("#problems")).containsText("Sales may weigh at most 20%");
        assertThat(p.locator("#weight-heroics")).hasValue("75");
        p.locator("#weight-heroics").fill("80");
        p.locator("#weight-sales").fill("20");
        p.locator("#weights-form button[type=submit]").click();
        assertThat(p.locator("#saved")).containsText("apply from Apr 2032");
        assertThat(p.locator("#weight-history")).containsText("Apr 2032");
        assertThat(ManagerReviewsServiceStandardsJourney.tooWide(p)).as("nothing wider than the phone").isEmpty();
        screenshot(p, "rankings-weights-phone");

        p.navigate(url("/rankings?store=" + store));
        assertThat(rowOf(p, "Basia Smile").locator("td.rank")).hasText("1");

        clock.advance(Duration.ofDays(16));
        p.navigate(url("/rankings?store=" + store));
        assertThat(p.locator("#ranking-title")).containsText("Apr 2032");
        assertThat(rowOf(p, "Adam Hero").locator("td.rank")).hasText("1");
        assertThat(rowOf(p, "Adam Hero").locator("td.why")).containsText("strongest in heroics (100)");
        assertThat(p.locator("#rank-history-table")).containsText("Adam Hero");
        screenshot(p, "rankings-next-month-phone");

        p.locator(".language-picker button[value=fr]").click();
        assertThat(rowOf(p, "Adam Hero").locator("td.why"))
                .containsText("Classé 1 sur 2 : points forts, les actes héroïques (100)");
        p.locator(".language-picker button[value=pl]").click();
        assertThat(rowOf(p, "Adam Hero").locator("td.why"))
                .containsText("Miejsce 1 z 2: najmocniejsze strony to akty bohaterstwa (100)");
        screenshot(p, "rankings-next-month-phone-pl");
        phone.close();
    }
}
