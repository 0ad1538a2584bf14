package org.ruleone.campaigns.internal;

import java.sql.Timestamp;
import java.util.List;

import org.ruleone.mail.BounceReceived;
import org.ruleone.mail.MailSent;
import org.ruleone.mail.MailsSent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows what became of campaign mails: sent when the outbox says so; bounced when a delivery report comes back,
 * and on a permanent failure the address is marked undeliverable so later audiences leave it out. After the mail
 * module's transaction, in the background (ADR 0088): the bookkeeping never makes sending or filing mail fail, and
 * both updates can run twice.
 */
@Component
class DeliveryReports {

    private final JdbcClient jdbc;

    DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign mails of one outbox batch, in one statement (ADR 0123). */
    @ApplicationModuleListener
    public void on(MailsSent batch) {
        List<MailSent> campaign = batch.mails().stream()
                .filter(m -> m.dedupeKey() != null && m.dedupeKey().startsWith("campaign:")).toList();
        if (campaign.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update campaign_recipient r set status = 'SENT', sent_at = s.at,
                       message_id = coalesce(r.message_id, s.mid)
                  from unnest(cast(:keys as text[]), cast(:mids as text[]),
                              cast(cast(:ats as text[]) as timestamptz[])) as s(key, mid, at)
                 where r.dedupe_key = s.key and r.status = 'QUEUED'
                """)
                .param("keys", campaign.stream().map(MailSent::dedupeKey).toArray(String[]::new))
                .param("mids", campaign.stream().map(MailSent::messageId).toArray(String[]::new))
                .param("ats", campaign.stream().map(m -> m.sentAt().toString()).toArray(String[]::new))
                .update();
    }

    @ApplicationModuleListener
    public void on(BounceReceived bounce) {
        String email = bounce.recipient() == null ? "" : bounce.recipient().strip().toLowerCase();
        String mid = bounce.originalMessageId() == null ? "" : bounce.originalMessageId().strip();
        if (bounce.permanent()) {
            var marked = jdbc.sql("""
                    update campaign_recipient set status = 'BOUNCED', bounced_at = :at
                     where (:mid <> '' and message_id = :mid)
                        or (:mid = '' and :email <> '' and lower(email) = :email and status <> 'BOUNCED')
                    returning lower(email)
                    """)
                    .param("at", Timestamp.from(bounce.at())).param("mid", mid).param("email", email)
                    .query(String.class).list();
            java.util.Set<String> dead = new java.util.HashSet<>(marked);
            if (!email.isEmpty()) {
                dead.add(email);
            }
            for (String address : dead) {
                jdbc.sql("""
                        insert into undeliverable_address (email, marked_at, message_id) values (:e, :at, :mid)
                        on conflict (email) do update set marked_at = excluded.marked_at,
                            message_id = excluded.message_id
                        """)
                        .param("e", address).param("at", Timestamp.from(bounce.at())).param("mid", mid).update();
            }
        }
    }
}
