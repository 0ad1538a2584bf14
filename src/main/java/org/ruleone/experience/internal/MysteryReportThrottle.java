package org.ruleone.experience.internal;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.ruleone.platform.AddressBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many forms one address may send through the shoppers' public page (ADR 0101): a token bucket per address in
 * the database, as the stores' survey pages (ADR 0095). A shopper saves a few drafts and submits; a script trying
 * links gets little.
 */
@Component
public class MysteryReportThrottle {

    private final AddressBuckets addresses;

    MysteryReportThrottle(DataSource dataSource, Clock clock,
                          @Value("${ruleone.mystery.report.posts-per-address:30}") int posts,
                          @Value("${ruleone.mystery.report.window:PT1H}") Duration window) {
        this.addresses = new AddressBuckets(dataSource, clock, "mystery_address_bucket", posts, window);
    }

    /** Counts one form sent from this address; false when it has sent its share for now. */
    public boolean tryPost(String remoteAddr) {
        return addresses.bucket(remoteAddr == null ? "" : remoteAddr).tryConsume(1);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void sweep() {
        addresses.sweep();
    }
}
