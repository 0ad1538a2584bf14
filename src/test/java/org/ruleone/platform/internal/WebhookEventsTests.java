package org.ruleone.platform.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.ruleone.experience.SurveyAnswered;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.platform.WebhookEvent;
import org.ruleone.privacy.ClientErased;
import org.ruleone.recognition.HeroicReported;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.Channel;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventsTests {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    @Test
    void listsTheModulesEventsByTheirNamesEachWithItsWordsInTheBundles() throws Exception {
        List<String> names = new WebhookTypes().all();

        assertThat(names).contains("case.opened", "case.resolved", "case.reopened", "survey.answered",
                "heroic.reported", "client.erased");
        Properties english = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/platform.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(names).allSatisfy(name -> assertThat(english).containsKey("webhooks.type." + name));
    }

    @Test
    void sendsIdsScoresAndTimesButNoTextAPersonWrote() {
        List<WebhookEvent> events = List.of(
                new CaseOpened(1, 2, 3, 4L, Channel.IN_STORE, "Jane's lost ring", Language.FR, AT),
                new CaseResolved(1, 2, 3, 4, ResolutionKind.REFUND, Money.of(new BigDecimal("12.50"), "EUR"),
                        "Jane was upset", AT),
                new SurveyAnswered(5, 2, 3L, 4L, SurveyChannel.IN_STORE, 9, 5, "Jane loved it", 1L, "INV-7", AT),
                new HeroicReported(6, 4, List.of(new HeroicReported.Hero(4, 2L)), LocalDate.of(2026, 12, 2), 3L, 1L, AT),
                new ClientErased(3, 2, "Client 3f9a", 4, AT));

        assertThat(events).allSatisfy(e -> assertThat(e.webhookData().toString()).doesNotContain("Jane"));
        assertThat(events.get(0).webhookType()).isEqualTo("case.opened");
        assertThat(events.get(0).webhookData()).containsEntry("caseId", 1L).containsEntry("channel", "IN_STORE")
                .containsEntry("openedAt", "2026-12-03T10:15:30Z").doesNotContainKey("subject");
        assertThat(events.get(1).webhookData().get("cost")).isEqualTo(
                WebhookEvent.data("amount", "12.50", "currency", "EUR"));
        assertThat(events.get(2).webhookData()).containsEntry("comeBack", 9).doesNotContainKey("comment");
        assertThat(events.get(3).webhookData()).containsEntry("happenedOn", "2026-12-02");
    }
}
