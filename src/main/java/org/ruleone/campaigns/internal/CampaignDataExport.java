package org.ruleone.campaigns.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The campaigns sent to the client: what, when, to which address, from whom, and their answer. */
@Component
@Order(50)
class CampaignDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    CampaignDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("campaigns", jdbc.sql("""
                select c.kind, case r.language when 'fr' then c.title_fr when 'pl' then c.title_pl else c.title_en end
                       as title, a.name as associate, r.email, r.language, r.status, r.queued_at, r.sent_at,
                       r.bounced_at, r.rsvp, r.rsvp_at
                  from campaign_recipient r
                  join campaign c on c.id = r.campaign_id
                  left join associate_directory a on a.id = r.associate_id
                 where r.customer_id = :client order by r.queued_at, r.campaign_id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("kind", rs.getString("kind"), "title", rs.getString("title"),
                        "associate", firstName(rs.getString("associate")), "email", rs.getString("email"),
                        "language", rs.getString("language"), "status", rs.getString("status"),
                        "queuedAt", rs.getTimestamp("queued_at"),
                        "sentAt", rs.getTimestamp("sent_at"),
                        "bouncedAt", rs.getTimestamp("bounced_at"),
                        "rsvp", rs.getString("rsvp"),
                        "rsvpAt", rs.getTimestamp("rsvp_at")))
                .list());
    }
}
