package org.ruleone.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.internal.ClientRecords;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing consent per client and channel, with its proof. Append-only: granting or withdrawing adds a row,
 * the newest row is in force, and the older ones are the trail a regulator may ask for.
 *
 * <p>Takes no store scope: a screen acting for a signed-in person looks the client up through
 * {@link ClientBook#client} first, as the client page does.
 */
@Service
public class Consents {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ClientRecords clients;
    private final Clock clock;

    Consents(JdbcClient jdbc, MessageSource messages, ClientRecords clients, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clients = clients;
        this.clock = clock;
    }

    /** The consent in force for this channel; empty when the client was never asked. */
    public Optional<ConsentState> current(long customerId, ConsentChannel channel) {
        return jdbc.sql("""
                select k.*, a.name as recorded_by_name from consent k left join associate_directory a on a.id = k.recorded_by
                 where k.customer_id = :customer and k.channel = :channel
                 order by k.recorded_at desc, k.id desc limit 1
                """)
                .param("customer", customerId).param("channel", channel.name())
                .query(Consents::state).optional();
    }

    /** True only when the newest decision for this channel is a grant. */
    public boolean granted(long customerId, ConsentChannel channel) {
        return current(customerId, channel).map(ConsentState::granted).orElse(false);
    }

    /** Every decision for this client, newest first. */
    public List<ConsentState> history(long customerId) {
        return jdbc.sql("""
                select k.*, a.name as recorded_by_name from consent k left join associate_directory a on a.id = k.recorded_by
                 where k.customer_id = :customer order by k.recorded_at desc, k.id desc
                """)
                .param("customer", customerId)
                .query(Consents::state).list();
    }

    /** The sentence a client is shown when asked to grant or withdraw consent, in their language. */
    public String wording(ConsentChannel channel, boolean granted, Language language) {
        return messages.getMessage("consent.wording." + channel.name() + "." + (granted ? "grant" : "withdraw"),
                null, language.locale());
    }

    /**
     * Records a decision with its proof: now, by whom, how, and the wording in the client's own language as the
     * message bundle has it at this moment (so a later change of wording does not rewrite history).
     *
     * @param recordedBy the associate recording it, or {@code null} when the client acted alone
     * @throws IllegalArgumentException when there is no such client
     */
    @Transactional
    public ConsentState record(long customerId, ConsentChannel channel, boolean granted, ConsentMethod method,
                               Long recordedBy) {
        Language language = clients.languageOf(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No client " + customerId));
        return record(customerId, channel, granted, method, recordedBy, wording(channel, granted, language));
    }

    /** Records a decision whose wording was shown elsewhere (a web shop's checkbox, a paper form). */
    @Transactional
    public ConsentState record(long customerId, ConsentChannel channel, boolean granted, ConsentMethod method,
                               Long recordedBy, String wording) {
        if (wording == null || wording.isBlank()) {
            throw new IllegalArgumentException("Consent needs the wording the client was shown");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consent (customer_id, channel, granted, recorded_at, recorded_by, method, wording)
                values (:customer, :channel, :granted, :at, :by, :method, :wording)
                """)
                .param("customer", customerId).param("channel", channel.name()).param("granted", granted)
                .param("at", Timestamp.from(clock.instant())).param("by", recordedBy)
                .param("method", method.name()).param("wording", wording.strip())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return history(customerId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static ConsentState state(ResultSet rs, int row) throws SQLException {
        String by = rs.getString("recorded_by_name");
        return new ConsentState(rs.getLong("id"), rs.getLong("customer_id"),
                ConsentChannel.valueOf(rs.getString("channel")), rs.getBoolean("granted"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getObject("recorded_by", Long.class),
                by == null ? "" : by, ConsentMethod.valueOf(rs.getString("method")), rs.getString("wording"));
    }
}
