package org.ruleone.experience.internal;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.ruleone.platform.AddressBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many answers one address may send through the stores' own survey pages (ADR 0095): a token bucket per
 * address, in the database so it counts across nodes. Generous enough for a shop's guest Wi-Fi, too tight for a
 * script filling the figures.
 */
@Component
public class StorePageThrottle {

    private final AddressBuckets addresses;

    StorePageThrottle(DataSource dataSource, Clock clock,
                      @Value("${ruleone.survey.store-page.answers-per-address:10}") int answers,
                      @Value("${ruleone.survey.store-page.window:PT1H}") Duration window) {
        this.addresses = new AddressBuckets(dataSource, clock, "survey_address_bucket", answers, window);
    }

    /** Counts one answer from this address; false when it has sent its share for now. */
    public boolean tryAnswer(String remoteAddr) {
        return addresses.bucket(remoteAddr == null ? "" : remoteAddr).tryConsume(1);
    }

    /** Forgets the buckets that are full again. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void sweep() {
        addresses.sweep();
    }
}
