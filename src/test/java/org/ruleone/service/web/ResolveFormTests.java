package org.ruleone.service.web;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;

import static org.assertj.core.api.Assertions.assertThat;

class ResolveFormTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static ResolveForm form(String kind, String cost, String judgment) {
        return new ResolveForm(kind, cost, "pln", judgment, null, "", "", "", "", "");
    }

    @Test
    void readsAnAmountTypedWithADecimalCommaAndAnyCaseCurrency() {
        ResolveForm refund = new ResolveForm("REFUND", "1 145,50", "pln", "Right thing to do.", true, "", "", "", "",
                "");
        assertThat(refund.problems(WARSAW)).isEmpty();
        Resolution resolution = refund.resolution(WARSAW, "PLN");
        assertThat(resolution.cost().amount()).isEqualByComparingTo("1145.50");
        assertThat(resolution.currency()).isEqualTo("PLN");
        assertThat(resolution.details()).isEqualTo(new ResolutionDetails.Refund(true));
    }

    @Test
    void refusesACurrencyCodeThatIsNoCurrency() {
        ResolveForm typo = new ResolveForm("GOODWILL", "20", "EUO", "A voucher.", null, "", "", "", "", "");

        assertThat(typo.problems(WARSAW)).containsOnlyKeys("currency").containsEntry("currency", "resolve.error.currency");
    }

    @Test
    void refusesANegativeCostAndAMissingJudgment() {
        assertThat(form("GOODWILL", "-5", " ").problems(WARSAW))
                .containsEntry("cost", "resolve.error.costNegative")
                .containsEntry("judgment", "resolve.error.judgment");
    }

    @Test
    void asksARefundForItsAmountButLetsOtherKindsCostNothing() {
        assertThat(form("REFUND", "", "Why").problems(WARSAW)).containsEntry("cost", "resolve.error.amountRequired");
        ResolveForm exchange = form("EXCHANGE", "", "Why");
        assertThat(exchange.problems(WARSAW)).isEmpty();
        assertThat(exchange.resolution(WARSAW, "PLN").cost().amount()).isZero();
    }

    @Test
    void recordsAnAnswerAtNoCostInTheStoresCurrency() {
        ResolveForm answered = new ResolveForm("ANSWERED", "99", "bad", "She knows now.", null, "", "", "", "", "");
        assertThat(answered.problems(WARSAW)).isEmpty();
        Resolution resolution = answered.resolution(WARSAW, "PLN");
        assertThat(resolution.kind()).isEqualTo(ResolutionKind.ANSWERED);
        assertThat(resolution.cost().amount()).isZero();
        assertThat(resolution.currency()).isEqualTo("PLN");
    }

    @Test
    void readsThePromisedTimeInTheStoresTimeZone() {
        ResolveForm alteration = new ResolveForm("ALTERATION", "0", "PLN", "On stage on time.", null, "", "",
                "2026-11-22T21:30", "", "");
        assertThat(alteration.resolution(WARSAW, "PLN").details()).isEqualTo(new ResolutionDetails.Alteration(
                Instant.parse("2026-11-22T20:30:00Z"), org.ruleone.service.AlterationStatus.ORDERED));
        ResolveForm noTime = new ResolveForm("ALTERATION", "0", "PLN", "Why", null, "", "", "tonight", "", "");
        assertThat(noTime.problems(WARSAW)).containsEntry("promisedAt", "resolve.error.promisedAt");
    }

    @Test
    void refusesAnUnknownKind() {
        assertThat(form("BRIBE", "1", "Why").problems(WARSAW)).containsOnlyKeys("kind");
    }
}
