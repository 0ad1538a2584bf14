package org.ruleone.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import javax.sql.DataSource;

import org.ruleone.platform.AddressBuckets;
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
        return perAddress.bucket("to:" + sha256(email.strip().toLowerCase(Locale.ROOT))).tryConsume(1);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    void sweep() {
        perRemote.sweep();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
