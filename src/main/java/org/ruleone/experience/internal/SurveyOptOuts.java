package org.ruleone.experience.internal;

import java.util.Optional;

import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opting out of surveys from the link in a survey mail, without signing in: recorded through {@link Consents} on the
 * SURVEY channel with its proof (when, how: the page or the mail program's one-click POST, the words shown, and which
 * invitation's link), as campaigns records an unsubscribe. Later surveys and reminders check it.
 */
@Component
public class SurveyOptOuts {

    /** The client a valid opt-out link is for. */
    public record Addressee(long invitationId, long customerId, Language language, String storeName) {
    }

    /** How the client opted out, kept in the proof. */
    public enum Way { PAGE, ONE_CLICK }

    private final SurveyLinks links;
    private final Consents consents;
    private final Organization organization;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    SurveyOptOuts(SurveyLinks links, Consents consents, Organization organization, MessageSource messages,
                  JdbcClient jdbc) {
        this.links = links;
        this.consents = consents;
        this.organization = organization;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    public Optional<Addressee> link(String token) {
        return links.invitationOfOptOut(token).flatMap(id -> jdbc.sql("""
                        select i.id, i.store_id, i.customer_id, coalesce(c.language, i.language) as language
                          from survey_invitation i join customer_directory c on c.id = i.customer_id
                         where i.id = :id
                        """).param("id", id)
                .query((rs, n) -> new Addressee(rs.getLong("id"), rs.getLong("customer_id"),
                        Language.fromCode(rs.getString("language")).orElse(Language.EN),
                        organization.store(rs.getLong("store_id")).map(StoreSummary::name).orElse("")))
                .optional());
    }

    /** @return false when the link is not valid; true when the client is opted out (now or already). */
    @Transactional
    public boolean optOut(String token, Way way) {
        Optional<Addressee> who = link(token);
        if (who.isEmpty()) {
            return false;
        }
        Addressee a = who.get();
        boolean alreadyOut = consents.current(a.customerId(), ConsentChannel.SURVEY).map(s -> !s.granted())
                .orElse(false);
        if (!alreadyOut) {
            String wording = consents.wording(ConsentChannel.SURVEY, false, a.language()) + " — "
                    + messages.getMessage("experience.invitation.optOut.proof." + way.name(),
                    new Object[]{a.storeName(), String.valueOf(a.invitationId())}, a.language().locale());
            consents.record(a.customerId(), ConsentChannel.SURVEY, false, ConsentMethod.UNSUBSCRIBE, null, wording);
        }
        return true;
    }
}
