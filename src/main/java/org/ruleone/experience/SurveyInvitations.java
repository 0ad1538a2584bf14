package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.ruleone.experience.internal.InvitationChecks;
import org.ruleone.experience.internal.SurveyLinks;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A survey asked on purpose for one client, e.g. by a web shop after an order: the link is handed back at once (the
 * shop shows it or mails it itself), under the same store rules as the mailed surveys: never to a client who opted
 * out, never twice within the cooldown. Mailed surveys after cases and purchases are scheduled by events.
 */
@Service
public class SurveyInvitations {

    /**
     * @param status        SENT with a link, or SKIPPED with the reason (OPTED_OUT, COOLDOWN) and no link
     * @param surveyUrl     the absolute link to the survey, or {@code null} when skipped
     * @param expiresAt     until when the link works, or {@code null} when skipped
     */
    public record Invited(long invitationId, long customerId, String status, String skippedReason, String surveyUrl,
                          Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final SurveyRuleBook ruleBook;
    private final InvitationChecks checks;
    private final SurveyTokens tokens;
    private final SurveyLinks links;
    private final Clock clock;

    SurveyInvitations(JdbcClient jdbc, SurveyRuleBook ruleBook, InvitationChecks checks, SurveyTokens tokens,
                      SurveyLinks links, Clock clock) {
        this.jdbc = jdbc;
        this.ruleBook = ruleBook;
        this.checks = checks;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    /**
     * @param associateId who served the client and is credited, or {@code null} for the store
     * @param invoice     the purchase the survey follows, or {@code null}
     */
    @Transactional
    public Invited invite(long storeId, long customerId, Long associateId, String invoice, Language language) {
        Instant now = clock.instant();
        SurveyRules rules = ruleBook.of(storeId);
        // Serialises two calls for one client, so the second sees the first within the cooldown.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('survey-invite:' || :c))").param("c", customerId)
                .query().singleValue();
        String skip = checks.optedOut(customerId) ? "OPTED_OUT"
                : checks.surveyedWithin(customerId, 0, rules.cooldownDays(), now) ? "COOLDOWN" : null;
        Instant expires = skip == null ? now.plus(Duration.ofDays(rules.expiryDays())) : null;
        long id = jdbc.sql("""
                insert into survey_invitation (store_id, customer_id, associate_id, trigger, invoice, language, status,
                                               skipped_reason, due_at, sent_at, expires_at, created_at)
                values (:store, :customer, :associate, 'API', :invoice, :language, :status, :reason, :now,
                        :sent, :expires, :now)
                returning id
                """)
                .param("store", storeId).param("customer", customerId).param("associate", associateId)
                .param("invoice", invoice).param("language", language.code())
                .param("status", skip == null ? "SENT" : "SKIPPED").param("reason", skip)
                .param("now", Timestamp.from(now)).param("sent", skip == null ? Timestamp.from(now) : null)
                .param("expires", expires == null ? null : Timestamp.from(expires))
                .query(Long.class).single();
        String url = skip == null ? links.survey(tokens.issue(id)) : null;
        return new Invited(id, customerId, skip == null ? "SENT" : "SKIPPED", skip, url, expires);
    }
}
