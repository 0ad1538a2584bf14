package org.ruleone.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.ruleone.platform.AddressBuckets;
import org.ruleone.platform.Idempotency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many requests for a copy of one's data the public page takes: a few a day per typed address (so nobody fills
 * a customer's mailbox with our mail) and a few an hour per remote address (so nobody walks a list of addresses),
 * counted in the database so the limits hold across nodes. The typed address is kept only as its hash.
 */
@Component
class RequestThrottle {

    private final AddressBuckets perAddress;
    private final AddressBuckets perRemote;

    RequestThrottle(DataSource dataSource, Clock clock,
                    @Value("${ruleone.privacy.requests-per-address:3}") int perAddress,
                    @Value("${ruleone.privacy.requests-per-ip:10}") int perRemote) {
        this.perAddress = new AddressBuckets(dataSource, clock, "privacy_request_bucket", perAddress,
                Duration.ofDays(1));
        this.perRemote = new AddressBuckets(dataSource, clock, "privacy_request_bucket", perRemote,
                Duration.ofHours(1));
    }

    /** Counts one request from this remote address for this typed address; false when either had its share. */
    boolean tryRequest(String remoteAddr, String email) {
        if (!perRemote.bucket("ip:" + (remoteAddr == null ? "" : remoteAddr)).tryConsume(1)) {
            return false;
        }
        String typed = Idempotency.fingerprint(email.strip().toLowerCase(Locale.ROOT));
        return perAddress.bucket("to:" + typed).tryConsume(1);
    }

    /** Forgets the buckets that are full again: both kinds share the table, so one sweep clears both. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void sweep() {
        perRemote.sweep();
    }
}
