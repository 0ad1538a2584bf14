package org.ruleone.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mail that identifies a person, removed when they are erased or when the owner's retention period for quarantined
 * mail ends (issue 15, ADRs 0117 and 0118): the outbox keeps a row per mail (its status and times, the figures of
 * what was sent) without the address or the text.
 */
@Service
public class PersonalMail {

    static final String ERASED_ADDRESS = "erased@erased.invalid";

    private final JdbcClient jdbc;

    PersonalMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cancels the mail still waiting for these addresses and scrubs every mail to them: address, name, subject,
     * text and attachments. Returns how many mails were cancelled.
     */
    public int forgetMailTo(Collection<String> addresses) {
        List<String> lower = addresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
        if (lower.isEmpty()) {
            return 0;
        }
        int cancelled = jdbc.sql("""
                        update mail_outbox set status = 'FAILED',
                               last_error = 'Cancelled: the addressee was erased', last_error_kind = null
                         where status = 'QUEUED' and lower(to_address) in (:addresses)
                        """).param("addresses", lower).update();
        jdbc.sql("""
                        delete from mail_outbox_attachment
                         where outbox_id in (select id from mail_outbox where lower(to_address) in (:addresses))
                        """).param("addresses", lower).update();
        jdbc.sql("""
                        update mail_outbox set to_address = :erased, to_name = '', subject = '', text_body = '',
                               html_body = null, extra_headers = '{}'::jsonb
                         where lower(to_address) in (:addresses)
                        """)
                .param("erased", ERASED_ADDRESS).param("addresses", lower).update();
        return cancelled;
    }

    /**
     * In the mail to anyone that mentions the person ({@code strong}: their address or whole name), replaces every
     * identifier ({@code any}) by the pseudonym: subject, addressee's name and text.
     */
    public int forgetMentions(String strong, String any, String pseudonym) {
        return jdbc.sql("""
                        update mail_outbox
                           set subject = regexp_replace(subject, :any, :pseudonym, 'gi'),
                               to_name = regexp_replace(to_name, :any, :pseudonym, 'gi'),
                               text_body = regexp_replace(text_body, :any, :pseudonym, 'gi'),
                               html_body = regexp_replace(html_body, :any, :pseudonym, 'gi')
                         where subject ~* :strong or to_name ~* :strong or text_body ~* :strong or html_body ~* :strong
                        """)
                .param("strong", strong).param("any", any).param("pseudonym", pseudonym).update();
    }

    /**
     * In the mail whose dedupe key starts with the prefix (a module's own mail about one thing, e.g. a heroic),
     * replaces what matches the pattern by the pseudonym: subject, addressee's name and text.
     */
    public int forgetMentionsIn(String dedupeKeyPrefix, String pattern, String pseudonym) {
        return jdbc.sql("""
                        update mail_outbox
                           set subject = regexp_replace(subject, :pattern, :pseudonym, 'gi'),
                               text_body = regexp_replace(text_body, :pattern, :pseudonym, 'gi'),
                               html_body = regexp_replace(html_body, :pattern, :pseudonym, 'gi')
                         where starts_with(dedupe_key, :prefix)
                        """)
                .param("pattern", pattern).param("pseudonym", pseudonym).param("prefix", dedupeKeyPrefix).update();
    }

    /** Deletes the quarantined mail that mentions any of these addresses; returns how many. */
    public int forgetQuarantinedFrom(Collection<String> addresses) {
        int deleted = 0;
        for (String address : addresses) {
            deleted += jdbc.sql("""
                            delete from mail_quarantine
                             where position(lower(:address) in lower(encode(raw, 'escape'))) > 0
                                or position(lower(:address) in lower(detail)) > 0
                            """).param("address", address.strip()).update();
        }
        return deleted;
    }

    /** The first few quarantined mails that arrived before the cut-off, oldest first, as "#id REASON". */
    public List<String> quarantinedBefore(Instant cutOff, int sample) {
        return jdbc.sql("""
                        select '#' || id || ' ' || reason from mail_quarantine where received_at < :cutOff
                         order by received_at, id limit :sample
                        """)
                .param("cutOff", Timestamp.from(cutOff)).param("sample", sample).query(String.class).list();
    }

    public long countQuarantinedBefore(Instant cutOff) {
        return jdbc.sql("select count(*) from mail_quarantine where received_at < :cutOff")
                .param("cutOff", Timestamp.from(cutOff)).query(Long.class).single();
    }

    /** Deletes the quarantined mail that arrived before the cut-off; returns how many. */
    public int deleteQuarantinedBefore(Instant cutOff) {
        return jdbc.sql("delete from mail_quarantine where received_at < :cutOff")
                .param("cutOff", Timestamp.from(cutOff)).update();
    }
}
