package org.ruleone.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ruleone.platform.SignedLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal links to a customer's copy of their data (ADR 0116): signed for this purpose only, valid for a few
 * days, each good for a few downloads (one row per link), and at most one a day per client.
 */
@Component
class ExportLinks {

    static final SignedLinks.Purpose PURPOSE = new SignedLinks.Purpose("privacy-export");
    /** A mail program's preview, the customer and a second try: more would be someone else's. */
    static final int MAX_DOWNLOADS = 3;
    private static final Duration ONE_A_DAY = Duration.ofDays(1);

    /** A link made, its token and until when it works. */
    record Link(long id, String token, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final Clock clock;
    private final Duration valid;

    ExportLinks(JdbcClient jdbc, SignedLinks links, Clock clock,
                @Value("${ruleone.privacy.link-valid:P7D}") Duration valid) {
        if (valid.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalStateException("ruleone.privacy.link-valid may be at most 7 days, not " + valid);
        }
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
        this.valid = valid;
    }

    /** A new link for this client; empty when one was made in the last day (its mail went already). */
    Optional<Link> create(long clientId) {
        Instant now = clock.instant();
        boolean recent = jdbc.sql("""
                select exists (select 1 from privacy_export_link where client_id = :client and requested_at > :since)
                """)
                .param("client", clientId).param("since", Timestamp.from(now.minus(ONE_A_DAY)))
                .query(Boolean.class).single();
        if (recent) {
            return Optional.empty();
        }
        Instant expires = now.plus(valid);
        long id = jdbc.sql("""
                insert into privacy_export_link (client_id, requested_at, expires_at) values (:client, :now, :expires)
                returning id
                """)
                .param("client", clientId).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .query(Long.class).single();
        return Optional.of(new Link(id, links.sign(PURPOSE, String.valueOf(id), expires), expires));
    }

    /** The client a token is for, when it is genuine, unexpired and not used up; nothing is counted. */
    Optional<Long> clientOf(String token) {
        return linkId(token).flatMap(id -> jdbc.sql("""
                select client_id from privacy_export_link
                 where id = :id and expires_at > :now and downloads < :max
                """)
                .param("id", id).param("now", Timestamp.from(clock.instant())).param("max", MAX_DOWNLOADS)
                .query(Long.class).optional());
    }

    /** Counts one download by this token and returns its client; empty when the link is no good (any more). */
    Optional<Long> use(String token) {
        return linkId(token).flatMap(id -> jdbc.sql("""
                update privacy_export_link set downloads = downloads + 1
                 where id = :id and expires_at > :now and downloads < :max
                returning client_id
                """)
                .param("id", id).param("now", Timestamp.from(clock.instant())).param("max", MAX_DOWNLOADS)
                .query(Long.class).optional());
    }

    private Optional<Long> linkId(String token) {
        return links.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(Long.parseLong(subject));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
