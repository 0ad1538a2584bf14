package org.ruleone.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCaseTests {

    static final long STORE = 7;
    static final long CUSTOMER = 42;
    static final long NEW_HIRE = 3;
    static final Instant MORNING = Instant.parse("2026-11-20T17:00:00Z");

    Clock clock = Clock.fixed(MORNING, ZoneOffset.UTC);

    ServiceCase openCase(Channel channel, String subject, String firstMessage) {
        return ServiceCase.open(100, new CaseDraft(STORE, CUSTOMER, NEW_HIRE, channel, subject, Language.EN,
                firstMessage), clock);
    }

    void later(Duration duration) {
        clock = Clock.offset(clock, duration);
    }

    @Test
    void opensACaseWithTheCustomersFirstWords() {
        ServiceCase tires = openCase(Channel.IN_STORE, "Snow tires", "I'd like my money back for these tires.");

        assertThat(tires.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(tires.openedAt()).isEqualTo(MORNING);
        assertThat(tires.messages()).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo(AuthorKind.CUSTOMER);
            assertThat(m.internal()).isFalse();
        });
        assertThat(tires.events()).containsExactly(new CaseOpened(100, STORE, CUSTOMER, NEW_HIRE, Channel.IN_STORE,
                "Snow tires", Language.EN, MORNING));
    }

    @Test
    void refundsGoodsTheStoreNeverSold() {
        ServiceCase tires = openCase(Channel.IN_STORE, "Snow tires", "I'd like my money back for these tires.");
        later(Duration.ofMinutes(2));

        tires.resolve(Resolution.refund(Money.of(new BigDecimal("145"), "USD"), true),
                "He leaves happy and will tell everyone the store takes care of people.", NEW_HIRE, clock);

        assertThat(tires.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(tires.resolvedAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(2)));
        RecordedResolution refund = tires.resolutions().getFirst();
        assertThat(refund.resolution().cost().amount()).isEqualByComparingTo("145.00");
        assertThat(refund.resolution().details()).isEqualTo(new ResolutionDetails.Refund(true));
        assertThat(refund.associateId()).isEqualTo(NEW_HIRE);
        assertThat(tires.events()).last().isEqualTo(new CaseResolved(100, STORE, CUSTOMER, NEW_HIRE,
                ResolutionKind.REFUND, Money.of("145", "USD"),
                "He leaves happy and will tell everyone the store takes care of people.",
                MORNING.plus(Duration.ofMinutes(2))));
    }

    @Test
    void shipsReplacementNowWithCarrierAndTracking() {
        ServiceCase boots = openCase(Channel.PHONE, "Boots soaked by the carrier", "My boots were left in the rain.");
        later(Duration.ofMinutes(1));

        boots.reply(NEW_HIRE, "I'm so sorry, I'm sending you a new pair now. Will you be home in 45 minutes?",
                false, clock);
        boots.resolve(Resolution.replacementShipped(Money.of(new BigDecimal("200.00"), "USD"), "City Courier", "CC-123-456"),
                "Her boots were ruined on our doorstep, whoever's fault; a dry pair today matters.", NEW_HIRE,
                clock);

        assertThat(boots.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.REPLACEMENT_SHIPPED);
            assertThat(r.resolution().details())
                    .isEqualTo(new ResolutionDetails.Replacement("City Courier", "CC-123-456"));
        });
        assertThat(boots.status()).isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void refusesAReplacementWithoutTracking() {
        assertThatThrownBy(() -> Resolution.replacementShipped(Money.of(BigDecimal.TEN, "USD"), "City Courier", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tracking");
    }

    @Test
    void promisesAnAlterationForAFixedTime() {
        ServiceCase tuxedo = openCase(Channel.PHONE, "Torn tuxedo jacket before the show", "I tore my jacket on a nail.");
        Instant withinTheHour = MORNING.plus(Duration.ofMinutes(50));

        tuxedo.resolve(Resolution.alteration(Money.of(new BigDecimal("0"), "USD"), withinTheHour),
                "He goes on stage in a jacket that fits; a tip would spoil it.", NEW_HIRE, clock);

        assertThat(tuxedo.resolutions().getFirst().resolution().details())
                .isEqualTo(new ResolutionDetails.Alteration(withinTheHour, AlterationStatus.ORDERED));
    }

    @Test
    void marksAnAlterationReadyThenCollected() {
        Instant promised = MORNING.plus(Duration.ofMinutes(50));
        RecordedResolution saved = new RecordedResolution(9L, Resolution.alteration(Money.of(BigDecimal.ZERO, "USD"), promised),
                "He goes on stage in a jacket that fits.", NEW_HIRE, MORNING);
        ServiceCase tuxedo = new ServiceCase(100, STORE, CUSTOMER, NEW_HIRE, Channel.PHONE, "Tuxedo", Language.EN,
                CaseStatus.RESOLVED, MORNING, null, MORNING, 0, 3, List.of(), List.of(saved));
        later(Duration.ofMinutes(45));

        tuxedo.progressAlteration(9, AlterationStatus.READY, NEW_HIRE, clock);

        assertThat(tuxedo.resolutions().getFirst().resolution().details())
                .isEqualTo(new ResolutionDetails.Alteration(promised, AlterationStatus.READY));
        assertThat(tuxedo.changedResolutions()).containsExactly(9L);
        assertThat(tuxedo.events()).containsExactly(new AlterationProgressed(100, STORE, CUSTOMER, 9, promised,
                AlterationStatus.READY, NEW_HIRE, MORNING.plus(Duration.ofMinutes(45))));
        tuxedo.progressAlteration(9, AlterationStatus.COLLECTED, NEW_HIRE, clock);
        assertThatThrownBy(() -> tuxedo.progressAlteration(9, AlterationStatus.READY, NEW_HIRE, clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("COLLECTED");
    }

    @Test
    void refusesAResolutionWithoutJudgment() {
        ServiceCase tires = openCase(Channel.IN_STORE, "Snow tires", null);

        assertThatThrownBy(() -> tires.resolve(Resolution.refund(Money.of(new BigDecimal("145"), "USD"), true), "  ",
                NEW_HIRE, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("judgment");
        assertThat(tires.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(tires.resolutions()).isEmpty();
        assertThat(tires.events()).hasSize(1);
    }

    @Test
    void refusesDetailsOfAnotherKind() {
        assertThatThrownBy(() -> new Resolution(ResolutionKind.REFUND, Money.of(BigDecimal.ONE, "USD"),
                new ResolutionDetails.None()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToResolveACaseTwice() {
        ServiceCase chip = openCase(Channel.EMAIL, "Chip fails", "The chip gives wrong answers.");
        chip.resolve(Resolution.of(ResolutionKind.LIFETIME_GUARANTEE, Money.of(new BigDecimal("30"), "USD")),
                "He should not have to prove it is faulty.", NEW_HIRE, clock);

        assertThatThrownBy(() -> chip.resolve(Resolution.of(ResolutionKind.GOODWILL, Money.of(BigDecimal.ONE, "USD")),
                "Again.", NEW_HIRE, clock))
                .isInstanceOf(IllegalCaseTransitionException.class).hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> chip.reply(NEW_HIRE, "Hello", false, clock))
                .isInstanceOf(IllegalCaseTransitionException.class);
    }

    @Test
    void reopensAResolvedCaseWhenTheCustomerWritesAgain() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", "Left in the rain.");
        boots.resolve(Resolution.replacementShipped(Money.of(new BigDecimal("200"), "USD"), "City Courier", "CC-1"),
                "A dry pair today.", NEW_HIRE, clock);
        later(Duration.ofDays(2));

        boots.addCustomerMessage("The new pair is a size too small.", clock);

        assertThat(boots.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(boots.timesReopened()).isEqualTo(1);
        assertThat(boots.resolvedAt()).isNull();
        Instant twoDaysLater = MORNING.plus(Duration.ofDays(2));
        assertThat(boots.events()).endsWith(
                new CaseReopened(100, STORE, CUSTOMER, null, 1, twoDaysLater),
                new CustomerWrote(100, STORE, CUSTOMER, NEW_HIRE, CaseStatus.RESOLVED, twoDaysLater));
    }

    @Test
    void opensAWaitingCaseWhenTheCustomerAnswers() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", "Left in the rain.");
        boots.reply(NEW_HIRE, "Which size?", true, clock);
        assertThat(boots.status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);

        boots.addCustomerMessage("Size 38.", clock);

        assertThat(boots.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(boots.timesReopened()).isZero();
    }

    @Test
    void recordsFirstResponseTimeOnce() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", "Left in the rain.");
        later(Duration.ofMinutes(12));
        boots.reply(NEW_HIRE, "Sending a new pair now.", true, clock);
        later(Duration.ofHours(3));
        boots.addCustomerMessage("Thank you!", clock);
        boots.reply(NEW_HIRE, "You are welcome.", false, clock);

        assertThat(boots.firstResponseAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(12)));
        assertThat(boots.events()).filteredOn(CaseReplied.class::isInstance).map(e -> ((CaseReplied) e).firstResponse())
                .containsExactly(true, false);
    }

    @Test
    void keepsInternalNotesFromMovingTheCase() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", "Left in the rain.");
        boots.reply(NEW_HIRE, "Which size?", true, clock);

        boots.addInternalNote(NEW_HIRE, "She is a regular; check her usual size.", clock);

        assertThat(boots.status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(boots.messages()).last().satisfies(m -> assertThat(m.internal()).isTrue());
    }

    @Test
    void givesAnUnownedCaseToAnAssociate() {
        ServiceCase email = ServiceCase.open(100, new CaseDraft(STORE, CUSTOMER, null, Channel.EMAIL, "Boots",
                Language.EN, "Soaked."), clock);

        email.assignTo(NEW_HIRE, 1, clock);
        email.assignTo(NEW_HIRE, 1, clock);

        assertThat(email.ownerId()).isEqualTo(NEW_HIRE);
        assertThat(email.events()).filteredOn(CaseAssigned.class::isInstance)
                .containsExactly(new CaseAssigned(100, STORE, CUSTOMER, null, NEW_HIRE, 1, MORNING));
    }

    @Test
    void refusesToReopenACaseThatIsStillOpen() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", null);

        assertThatThrownBy(() -> boots.reopen(NEW_HIRE, clock))
                .isInstanceOf(IllegalCaseTransitionException.class).hasMessageContaining("OPEN");
    }

    @Test
    void reopensAResolvedCaseForAnAssociate() {
        ServiceCase boots = openCase(Channel.EMAIL, "Boots", null);
        boots.resolve(Resolution.of(ResolutionKind.GOODWILL, Money.of(new BigDecimal("20"), "USD")), "A gift card.", NEW_HIRE,
                clock);

        boots.reopen(NEW_HIRE, clock);

        assertThat(boots.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(boots.events()).last().isEqualTo(new CaseReopened(100, STORE, CUSTOMER, NEW_HIRE, 1, MORNING));
    }
}
