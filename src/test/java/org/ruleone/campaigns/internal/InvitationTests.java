package org.ruleone.campaigns.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTests {

    private static final Instant START = Instant.parse("2026-12-03T17:30:00Z");

    @Test
    void foldsLongLinesAt75OctetsWithoutSplittingAPolishLetter() {
        String summary = "Wieczór butów: żółte, źdźbła, ćmy i łąki — pokaz nowej kolekcji obuwia w sklepie na Mokotowie";
        String ics = new String(invite(summary, "Opis"), StandardCharsets.UTF_8);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + summary.replace(",", "\\,") + "\r\n");
        assertThat(ics).doesNotContain("\uFFFD");
    }

    @Test
    void escapesTextAndEndsEveryLineWithCrLf() {
        String ics = new String(invite("Trunk show; VIP, only", "First line\nSecond \\ line"),
                StandardCharsets.UTF_8);

        assertThat(ics).contains("SUMMARY:Trunk show\\; VIP\\, only\r\n",
                "DESCRIPTION:First line\\nSecond \\\\ line\r\n", "DTSTART:20261203T173000Z\r\n",
                "DTEND:20261203T200000Z\r\n", "DTSTAMP:20261101T090000Z\r\n", "METHOD:REQUEST\r\n",
                "ORGANIZER;CN=\"Anna Kowalska\":mailto:anna@shop.example\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void aNameCannotBreakOutOfItsQuotedParameter() {
        String ics = new String(Invitation.request("uid-1@shop.example", START, START, null, "S", "", "",
                "Evil\";ROLE=CHAIR\r\nX", "a@shop.example", "B", "b@example.com"), StandardCharsets.UTF_8);

        assertThat(ics).contains("ORGANIZER;CN=\"Evil ;ROLE=CHAIR  X\":mailto:a@shop.example\r\n")
                .contains("DTEND:20261203T193000Z");
    }

    private static byte[] invite(String summary, String description) {
        return Invitation.request("campaign-7@shop.example", Instant.parse("2026-11-01T09:00:00Z"), START,
                START.plusSeconds(9000), summary, description, "ul. Puławska 12", "Anna Kowalska",
                "anna@shop.example", "Zofia Żak", "zofia@example.pl");
    }
}
