package org.ruleone.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.Segment;
import org.ruleone.shared.Language;

class StoredAudiencesTests {

    @Test
    void readsBackAnAudienceAsPostgresqlWroteIt() {
        // jsonb as PostgreSQL prints it: keys by length, a space after each colon and comma, amounts with their scale
        String stored = """
                {"tags": ["vip", "say \\"hi\\"", "caf\\u00e9"], "lastTo": "2026-06-30", "spendMax": 500.00, \
                "spendMin": 120.5, "lastFrom": "2026-01-01", "segments": ["LAPSED", "GONE_FROM_THE_BOOK"], \
                "languages": ["en", "pl", "xx"]}""";

        AudienceFilter audience = Campaigns.audience(stored, 7L);

        assertThat(audience.storeId()).isEqualTo(7L);
        assertThat(audience.tags()).containsExactly("vip", "say \"hi\"", "café");
        assertThat(audience.lastPurchaseFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(audience.lastPurchaseTo()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(audience.spendMin()).isEqualTo(new BigDecimal("120.5"));
        assertThat(audience.spendMax()).isEqualTo(new BigDecimal("500.00"));
        assertThat(audience.languages()).isEqualTo(Set.of(Language.EN, Language.PL));
        assertThat(audience.segments()).containsExactly(Segment.LAPSED);
    }

    @Test
    void readsBackAnAudienceWithNothingChosen() {
        String stored = """
                {"tags": [], "lastTo": null, "spendMax": null, "spendMin": null, "lastFrom": null, "segments": [], \
                "languages": []}""";

        AudienceFilter audience = Campaigns.audience(stored, null);

        assertThat(audience.storeId()).isNull();
        assertThat(audience.tags()).isEmpty();
        assertThat(audience.lastPurchaseFrom()).isNull();
        assertThat(audience.lastPurchaseTo()).isNull();
        assertThat(audience.spendMin()).isNull();
        assertThat(audience.spendMax()).isNull();
        assertThat(audience.languages()).isEmpty();
        assertThat(audience.segments()).isEmpty();
    }
}
