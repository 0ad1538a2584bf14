package org.ruleone.campaigns;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.IllegalTransitionException;
import org.ruleone.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A campaign's one transition: a DRAFT is sent once; a SENT campaign is never sent again. */
class CampaignTests {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    static Campaign campaign(CampaignStatus status) {
        boolean sent = status == CampaignStatus.SENT;
        return new Campaign(4, CampaignKind.EVENT, 1L, Map.of(Language.EN, "Boot evening"), Map.of(Language.EN, "Come"),
                "Here", AT.plusSeconds(86400), AT.plusSeconds(90000), AudienceFilter.everyone(1L), 30, status, 7,
                AT.minusSeconds(3600), sent ? 7L : null, sent ? AT.minusSeconds(60) : null);
    }

    @Test
    void sendsADraftAndSaysWhoSentItAndWhen() {
        Campaign sent = campaign(CampaignStatus.DRAFT).send(8, AT);

        assertThat(sent.status()).isEqualTo(CampaignStatus.SENT);
        assertThat(sent.sentBy()).isEqualTo(8L);
        assertThat(sent.sentAt()).isEqualTo(AT);
        assertThat(sent.titles()).isEqualTo(campaign(CampaignStatus.DRAFT).titles());
    }

    @Test
    void refusesToSendACampaignTwice() {
        assertThatThrownBy(() -> campaign(CampaignStatus.SENT).send(8, AT))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Campaign 4 is SENT and cannot be sent");
    }
}
