package org.ruleone.standards;

import org.ruleone.support.MutableClock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The moving clock and helpers shared by the standards and ledger integration tests (one test context). */
@TestConfiguration
public class StandardsTestSupport {

    public static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    }

    /** A Warsaw store open Monday to Saturday, 10:00 to 18:00, closed on Sunday. */
    public static long storeClosedOnSunday(Organization organization) {
        List<BusinessHours> hours = new ArrayList<>();
        for (var day : EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.SATURDAY)) {
            hours.add(new BusinessHours(day, LocalTime.of(10, 0), LocalTime.of(18, 0)));
        }
        return organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", "PL", WARSAW, Language.EN,
                hours));
    }

    public static long client(ClientBook book, long store, String first, String last) {
        return client(book, store, null, first, last);
    }

    /** A client with the POS customer number a till sends. */
    public static long client(ClientBook book, long store, String customerNumber, String first, String last) {
        return book.add(new ClientDraft(store, customerNumber, first, last, null, null, PostalAddress.NONE, Language.EN, "",
                List.of(), List.of(), "", null));
    }
}
