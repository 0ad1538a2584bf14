package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a shopper's report may hold: the answers, the time of the visit and what stood out (ADR 0101). */
class MysteryReportTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final Instant NOW = Instant.parse("2026-11-18T12:00:00Z"); // 13:00 in Warsaw
    static final MysteryItem YES_NO = new MysteryItem(1, 1, 1, "greeted", "Greeted", "", "", MysteryAnswerType.YES_NO,
            BigDecimal.ONE, true, false, null, null, "");

    @Test
    void acceptsAVisitFromTheDayBeforeTheWindowToTheDayAfterAndNotInTheFuture() {
        MysteryVisit visit = visit("OWN_STORE", "");

        assertThat(codes(at("2026-11-15T09:00"), visit)).isEmpty();
        assertThat(codes(at("2026-11-14T23:59"), visit)).containsExactly("visit-time-outside");
        assertThat(codes(at("2026-11-18T12:59"), visit)).isEmpty();
        assertThat(codes(at("2026-11-18T13:01"), visit)).containsExactly("visit-time-future");
    }

    @Test
    void judgesTheWindowsLastDayPlusOneInTheStoresZone() {
        MysteryVisit visit = visit("OWN_STORE", "");
        Instant later = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(report(at("2026-11-21T23:30")).problems(visit, List.of(YES_NO), WARSAW, later, false)).isEmpty();
        assertThat(report(at("2026-11-22T00:10")).problems(visit, List.of(YES_NO), WARSAW, later, false))
                .extracting(MysteryReport.Problem::code).containsExactly("visit-time-outside");
    }

    @Test
    void aDraftMayLackTheTimeASubmissionMayNot() {
        MysteryVisit visit = visit("OWN_STORE", "");
        MysteryReport noTime = report(null);

        assertThat(noTime.problems(visit, List.of(YES_NO), WARSAW, NOW, false)).isEmpty();
        assertThat(noTime.problems(visit, List.of(YES_NO), WARSAW, NOW, true))
                .extracting(MysteryReport.Problem::code).containsExactly("visit-time-missing");
    }

    @Test
    void needsWhatStoodOutOnlyWhenSubmittingAVisitToAnotherBusiness() {
        MysteryReport silent = report(at("2026-11-17T10:00"));

        assertThat(silent.problems(visit("OWN_STORE", ""), List.of(YES_NO), WARSAW, NOW, true)).isEmpty();
        assertThat(silent.problems(visit("HOTEL", "Hôtel du Lac"), List.of(YES_NO), WARSAW, NOW, false)).isEmpty();
        assertThat(silent.problems(visit("HOTEL", "Hôtel du Lac"), List.of(YES_NO), WARSAW, NOW, true))
                .extracting(MysteryReport.Problem::code).containsExactly("stood-out-missing");
        MysteryReport tooLong = new MysteryReport(Map.of(), at("2026-11-17T10:00"), "x".repeat(2001));
        assertThat(tooLong.problems(visit("OWN_STORE", ""), List.of(YES_NO), WARSAW, NOW, false))
                .extracting(MysteryReport.Problem::code).containsExactly("stood-out-too-long");
    }

    @Test
    void namesTheItemWhoseAnswerItRefuses() {
        MysteryReport report = new MysteryReport(Map.of(1L, new MysteryItemAnswer(1, true, null, "")),
                at("2026-11-17T10:00"), "");

        assertThat(report.problems(visit("OWN_STORE", ""), List.of(YES_NO), WARSAW, NOW, false))
                .containsExactly(new MysteryReport.Problem("na-not-allowed", 1L));
    }

    @Test
    void opensOnlyForTheShopperItWasMailedToWhileTheVisitWaitsAndBeforeItsExpiry() {
        MysteryVisit visit = visit("OWN_STORE", "");

        assertThat(MysteryReports.access(visit, 7, NOW)).isEqualTo(MysteryReports.Access.OPEN);
        assertThat(MysteryReports.access(visit, 8, NOW)).isEqualTo(MysteryReports.Access.REASSIGNED);
        assertThat(MysteryReports.access(visit, 7, visit.expiresAt())).isEqualTo(MysteryReports.Access.EXPIRED);
        assertThat(MysteryReports.access(with(visit, MysteryVisitStatus.RETURNED), 7, NOW))
                .isEqualTo(MysteryReports.Access.OPEN);
        assertThat(MysteryReports.access(with(visit, MysteryVisitStatus.SUBMITTED), 7, NOW))
                .isEqualTo(MysteryReports.Access.SENT);
        assertThat(MysteryReports.access(with(visit, MysteryVisitStatus.ACCEPTED), 7, visit.expiresAt()))
                .isEqualTo(MysteryReports.Access.SENT);
        assertThat(MysteryReports.access(with(visit, MysteryVisitStatus.CANCELLED), 7, NOW))
                .isEqualTo(MysteryReports.Access.CANCELLED);
    }

    private static List<String> codes(LocalDateTime at, MysteryVisit visit) {
        return report(at).problems(visit, List.of(YES_NO), WARSAW, NOW, false).stream()
                .map(MysteryReport.Problem::code).toList();
    }

    private static MysteryReport report(LocalDateTime at) {
        return new MysteryReport(Map.of(), at, "");
    }

    private static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }

    static MysteryVisit visit(String kind, String business) {
        return new MysteryVisit(1, 1, "", kind, business, LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-20"),
                "Ask", 1, 7, MysteryVisitStatus.SCHEDULED, Instant.parse("2026-11-27T23:00:00Z"), 1, NOW, null, "",
                null, "", null, null, null, null, null, null, false, "MONEY", BigDecimal.TEN, "PLN", "", null, null,
                NOW);
    }

    private static MysteryVisit with(MysteryVisit v, MysteryVisitStatus status) {
        return new MysteryVisit(v.id(), v.storeId(), v.department(), v.targetKind(), v.businessName(), v.windowFrom(),
                v.windowTo(), v.scenario(), v.checklistVersionId(), v.shopperId(), status, v.expiresAt(),
                v.scheduledBy(), v.scheduledAt(), v.visitedAt(), v.stoodOut(), v.submittedAt(), v.returnQuestion(),
                v.returnedAt(), v.acceptedAt(), v.acceptedBy(), v.earned(), v.possible(), v.score(), v.flagged(),
                v.rewardKind(), v.rewardAmount(), v.rewardCurrency(), v.rewardGift(), v.rewardPaidAt(),
                v.rewardPaidBy(), v.updatedAt());
    }
}
