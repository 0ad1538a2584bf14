package org.ruleone.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.ruleone.campaigns.internal.CampaignLinks;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client does from a campaign e-mail without signing in, through a signed link: unsubscribe (the withdrawal
 * is recorded through {@link Consents} with its proof: when, how, and the words they were shown) and answer an
 * invitation.
 */
@Service
public class CampaignReplies {

    public enum Rsvp { YES, NO, MAYBE }

    /** The client and campaign a valid link is for. */
    public record Addressee(long campaignId, long customerId, String firstName, Language language,
                            String campaignTitle) {
    }

    /** How the client unsubscribed, kept in the proof. */
    public enum Way { PAGE, ONE_CLICK }

    private final CampaignLinks links;
    private final ClientBook clients;
    private final Consents consents;
    private final Campaigns campaigns;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    CampaignReplies(CampaignLinks links, ClientBook clients, Consents consents, Campaigns campaigns,
                    MessageSource messages, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.clients = clients;
        this.consents = consents;
        this.campaigns = campaigns;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Addressee> unsubscribeLink(String token) {
        return links.verify(token, CampaignLinks.Purpose.UNSUBSCRIBE)
                .flatMap(l -> addressee(l.campaignId(), l.customerId()));
    }

    public Optional<Addressee> rsvpLink(String token) {
        return links.verify(token, CampaignLinks.Purpose.RSVP)
                .flatMap(l -> addressee(l.campaignId(), l.customerId()));
    }

    /**
     * Withdraws the client's e-mail consent, unless it is already withdrawn.
     *
     * @return false when the link is not valid
     */
    @Transactional
    public boolean unsubscribe(String token, Way way) {
        Optional<Addressee> who = unsubscribeLink(token);
        if (who.isEmpty()) {
            return false;
        }
        Addressee a = who.get();
        if (consents.granted(a.customerId(), ConsentChannel.EMAIL)) {
            var locale = a.language().locale();
            String wording = consents.wording(ConsentChannel.EMAIL, false, a.language()) + " — "
                    + messages.getMessage("campaigns.unsubscribe.proof." + way.name(), new Object[]{a.campaignTitle(),
                    a.campaignId()}, locale);
            consents.record(a.customerId(), ConsentChannel.EMAIL, false, ConsentMethod.UNSUBSCRIBE, null, wording);
        }
        return true;
    }

    /** @return false when the link is not valid or the client was not sent this campaign */
    @Transactional
    public boolean rsvp(String token, Rsvp answer) {
        Optional<Addressee> who = rsvpLink(token);
        if (who.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                update campaign_recipient set rsvp = :answer, rsvp_at = :at
                 where campaign_id = :c and customer_id = :customer
                """)
                .param("answer", answer.name()).param("at", Timestamp.from(clock.instant()))
                .param("c", who.get().campaignId()).param("customer", who.get().customerId()).update() == 1;
    }

    public Optional<Rsvp> currentRsvp(long campaignId, long customerId) {
        return jdbc.sql("select rsvp from campaign_recipient where campaign_id = :c and customer_id = :customer")
                .param("c", campaignId).param("customer", customerId).query(String.class).optional()
                .filter(s -> s != null).map(Rsvp::valueOf);
    }

    private Optional<Addressee> addressee(long campaignId, long customerId) {
        Optional<Client> client = clients.client(customerId, Optional.empty());
        Optional<Campaign> campaign = campaigns.find(campaignId);
        if (client.isEmpty() || campaign.isEmpty()) {
            return Optional.empty();
        }
        Language lang = client.get().language();
        return Optional.of(new Addressee(campaignId, customerId, client.get().firstName(), lang,
                campaign.get().title(lang)));
    }
}
