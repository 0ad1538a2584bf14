package org.ruleone.clienteling.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientRoster.Member;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Which birthdays and anniversaries the home screen announces, and in how many days. */
class DatesComingTests {

    private static Member client(String name, ImportantDate... dates) {
        return new Member(1, 1, null, name, "", null, null, Language.EN, List.of(), List.of(dates));
    }

    @Test
    void countsDaysAcrossTheNewYearAndTheAgeReached() {
        Member anna = client("Anna", new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(1, 5), 1980));

        List<BookScreen.DateComing> coming = BookScreen.datesComing(List.of(anna), LocalDate.of(2026, 12, 30));

        assertThat(coming).singleElement().satisfies(d -> {
            assertThat(d.on()).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(d.inDays()).isEqualTo(6);
            assertThat(d.years()).isEqualTo(47);
        });
    }

    @Test
    void todayCountsAndTheFifteenthDayIsTooFar() {
        Member today = client("Today", new ImportantDate(DateKind.ANNIVERSARY, "", MonthDay.of(6, 15), null));
        Member last = client("Last", new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(6, 29), null));
        Member tooFar = client("TooFar", new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(6, 30), null));
        Member past = client("Past", new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(6, 14), null));

        List<BookScreen.DateComing> coming = BookScreen.datesComing(List.of(tooFar, last, past, today),
                LocalDate.of(2026, 6, 15));

        assertThat(coming).extracting(d -> d.client().firstName()).containsExactly("Today", "Last");
        assertThat(coming).extracting(BookScreen.DateComing::inDays).containsExactly(0, 14);
        assertThat(coming.getFirst().years()).isNull();
    }

    @Test
    void aTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears() {
        Member leap = client("Leap", new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(2, 29), null));

        assertThat(BookScreen.datesComing(List.of(leap), LocalDate.of(2027, 2, 20)))
                .singleElement().satisfies(d -> assertThat(d.on()).isEqualTo(LocalDate.of(2027, 2, 28)));
    }
}
