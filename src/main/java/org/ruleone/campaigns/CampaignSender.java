package org.ruleone.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.campaigns.internal.CampaignMail;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.mail.QueuedMail;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.IllegalTransitionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a campaign: in one transaction it locks the campaign, builds its audience (consent in force, as of now),
 * queues one personal e-mail per client in the outbox with the key {@code campaign:<id>:client:<id>}, and records
 * the recipients. A second send of the same campaign waits for the first, finds it SENT and is refused
 * ({@link Campaign#send}); the outbox refuses a second mail with the same key in any case, so no client hears twice.
 */
@Service
public class CampaignSender {

    /** How many mails are queued with one statement. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Audiences audiences;
    private final Organization organization;
    private final CampaignMail mail;
    private final Outbox outbox;
    private final Clock clock;
    private final String storeAddress;

    CampaignSender(JdbcClient jdbc, Campaigns campaigns, Audiences audiences, Organization organization,
                   CampaignMail mail, Outbox outbox, Clock clock,
                   @Value("${ruleone.campaigns.store-address:}") String storeAddress) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.audiences = audiences;
        this.organization = organization;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
        this.storeAddress = storeAddress;
    }

    /**
     * @return how many e-mails were queued
     * @throws IllegalArgumentException   when the person may not see the campaign
     * @throws IllegalTransitionException when it has been sent already: nothing is queued
     */
    @Transactional
    public int send(long campaignId, SignedInAssociate me) {
        campaigns.find(campaignId, me).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
        // The lock makes a second send wait for the first, then find the campaign sent.
        jdbc.sql("select id from campaign where id = :id for update").param("id", campaignId)
                .query(Long.class).single();
        Campaign c = campaigns.find(campaignId).orElseThrow();
        Campaign sent = c.send(me.id(), clock.instant());
        List<Recipient> recipients = audiences.recipients(c.audience(), Optional.ofNullable(c.storeId()),
                campaigns.zone(c.storeId()));
        Instant now = sent.sentAt();
        Map<Long, StoreSummary> stores = new HashMap<>();
        Map<Long, Optional<AssociateSummary>> associates = new HashMap<>();
        String fallback = storeAddress.isBlank() ? me.email() : storeAddress;
        List<Recipient> chunk = new ArrayList<>(CHUNK);
        List<OutgoingMail> mails = new ArrayList<>(CHUNK);
        List<Long> keepers = new ArrayList<>(CHUNK);
        int queued = 0;
        for (Recipient r : recipients) {
            if (!deliverable(r.email())) {
                // The outbox refuses it (and would roll the whole send back): left out like a missing address.
                continue;
            }
            StoreSummary store = stores.computeIfAbsent(r.storeId(), id -> organization.store(id).orElseThrow());
            Optional<AssociateSummary> keeper = r.associateId() == null ? Optional.empty()
                    : associates.computeIfAbsent(r.associateId(),
                    id -> organization.associate(id).filter(AssociateSummary::active));
            CampaignMail.Sender from = keeper
                    .map(a -> new CampaignMail.Sender(a.name(), a.email(), store.name(), store.timeZone()))
                    .orElseGet(() -> new CampaignMail.Sender(store.name(), fallback, store.name(), store.timeZone()));
            chunk.add(r);
            mails.add(mail.compose(c, r, from));
            keepers.add(keeper.map(AssociateSummary::id).orElse(null));
            if (chunk.size() == CHUNK) {
                queued += queue(c, chunk, mails, keepers, now);
                chunk.clear();
                mails.clear();
                keepers.clear();
            }
        }
        queued += queue(c, chunk, mails, keepers, now);
        save(sent, c.status());
        return queued;
    }

    /**
     * Queues a chunk of the campaign's mails in the outbox and records their recipients, a few statements for the
     * chunk instead of three per client (ADR 0123); returns how many recipients were new.
     */
    private int queue(Campaign c, List<Recipient> chunk, List<OutgoingMail> mails, List<Long> keepers, Instant now) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<QueuedMail> queued = outbox.enqueueAll(mails);
        return jdbc.sql("""
                insert into campaign_recipient (campaign_id, customer_id, associate_id, email, language, dedupe_key,
                    message_id, status, queued_at)
                select :c, r.customer, r.associate, r.email, r.lang, r.key, r.mid, 'QUEUED', :at
                  from unnest(cast(:customers as bigint[]), cast(:associates as bigint[]), cast(:emails as text[]),
                              cast(:langs as text[]), cast(:keys as text[]), cast(:mids as text[]))
                       with ordinality as r(customer, associate, email, lang, key, mid, position)
                 order by r.position
                on conflict do nothing
                """)
                .param("c", c.id())
                .param("customers", chunk.stream().map(Recipient::customerId).toArray(Long[]::new))
                .param("associates", keepers.toArray(Long[]::new))
                .param("emails", chunk.stream().map(Recipient::email).toArray(String[]::new))
                .param("langs", chunk.stream().map(r -> r.language().code()).toArray(String[]::new))
                .param("keys", chunk.stream().map(r -> CampaignMail.dedupeKey(c.id(), r.customerId()))
                        .toArray(String[]::new))
                .param("mids", queued.stream().map(QueuedMail::messageId).toArray(String[]::new))
                .param("at", Timestamp.from(now)).update();
    }

    private void save(Campaign sent, CampaignStatus from) {
        int changed = jdbc.sql("""
                update campaign set status = :status, sent_at = :at, sent_by = :by where id = :id and status = :from
                """)
                .param("status", sent.status().name()).param("at", Timestamp.from(sent.sentAt()))
                .param("by", sent.sentBy()).param("id", sent.id()).param("from", from.name()).update();
        if (changed == 0) {
            throw new IllegalTransitionException("Campaign " + sent.id(), from, "be sent: it changed meanwhile");
        }
    }

    /** An address the outbox accepts: one plain RFC 822 address, no control characters or commas. */
    static boolean deliverable(String email) {
        if (email == null || email.isBlank() || email.contains(",") || email.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        try {
            new jakarta.mail.internet.InternetAddress(email.strip(), true).validate();
            return true;
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }
}
