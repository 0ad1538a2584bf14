package org.ruleone.experience.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.experience.SurveyAnswered;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Closes the loop (issue 11, ADR 0095): an unhappy answer (come back 0–6 or satisfaction 1–2) from a client opens a
 * follow-up case at once through the service desk, channel SURVEY, for the associate who served, else the store's
 * manager, with the answer quoted; the answer keeps the case's id. Never for an imported answer (it happened before
 * and was dealt with in the tool it came from), nor for an anonymous one (nobody to contact).
 *
 * <p>An {@code @ApplicationModuleListener} although the event is this module's own: the client's "send" must not
 * fail because a case could not open, and the event publication registry retries it until it does.
 */
@Component
class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final JdbcClient jdbc;
    private final CaseDesk desk;
    private final Organization organization;
    private final MessageSource messages;

    FollowUps(JdbcClient jdbc, CaseDesk desk, Organization organization, MessageSource messages) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.organization = organization;
        this.messages = messages;
    }

    // Only the answers that need a follow-up are handed over (and registered), so a burst of answers (the demo's
    // history, a busy evening) does not queue hundreds of no-op listeners for the connection pool.
    @ApplicationModuleListener(condition = "#answer.unhappy() and #answer.customerId() != null "
            + "and #answer.channel().name() != 'IMPORT'")
    void on(SurveyAnswered answer) {
        if (answer.channel() == SurveyChannel.IMPORT || !answer.unhappy() || answer.customerId() == null) {
            return;
        }
        boolean waiting = jdbc.sql("select follow_up_case_id is null from survey_answer where id = :id for update")
                .param("id", answer.answerId()).query(Boolean.class).optional().orElse(false);
        if (!waiting) {
            return;
        }
        Optional<StoreSummary> store = organization.store(answer.storeId());
        Locale locale = store.map(StoreSummary::language).orElse(Language.EN).locale();
        long caseId;
        try {
            // opened when the answer was given, however late the listener runs: the standard counts from then
            caseId = desk.asOf(Clock.fixed(answer.answeredAt(), ZoneOffset.UTC)).open(new CaseDraft(answer.storeId(), answer.customerId(),
                    followerOf(answer.storeId(), answer.associateId()), Channel.SURVEY, subject(answer, locale), null,
                    quote(answer, locale)), Optional.empty());
        } catch (IllegalArgumentException noLongerTheStoresClient) {
            // Left for the "too little" review, which lists unhappy answers nobody followed up.
            log.warn("No follow-up case for survey answer {}: {}", answer.answerId(),
                    noLongerTheStoresClient.getMessage());
            return;
        }
        jdbc.sql("update survey_answer set follow_up_case_id = :case where id = :id")
                .param("case", caseId).param("id", answer.answerId()).update();
    }

    /** The associate who served while they still work in the store; else its manager, else the owner. */
    Long followerOf(long storeId, Long servedBy) {
        if (servedBy != null && organization.mayActIn(servedBy, storeId)) {
            return servedBy;
        }
        return organization.associates(Optional.of(storeId)).stream()
                .filter(a -> a.active() && a.role() == Role.MANAGER).map(AssociateSummary::id).findFirst()
                .or(() -> organization.associates(Optional.empty()).stream()
                        .filter(a -> a.active() && a.role() == Role.OWNER).map(AssociateSummary::id).findFirst())
                .orElse(null);
    }

    /** "Unhappy survey answer: come back 3/10, satisfaction 2/5", naming only the questions answered. */
    private String subject(SurveyAnswered a, Locale locale) {
        List<String> scores = new ArrayList<>();
        if (a.comeBack() != null) {
            scores.add(text("experience.loop.subject.comeBack", locale, a.comeBack().toString()));
        }
        if (a.satisfaction() != null) {
            scores.add(text("experience.loop.subject.satisfaction", locale, a.satisfaction().toString()));
        }
        return text("experience.loop.subject", locale, String.join(", ", scores));
    }

    /** The answer as the client gave it, recorded as what the customer said. */
    private String quote(SurveyAnswered a, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(text("experience.loop.quote.intro", locale));
        if (a.comeBack() != null) {
            lines.add(text("experience.loop.quote.comeBack", locale, a.comeBack().toString()));
        }
        if (a.satisfaction() != null) {
            lines.add(text("experience.loop.quote.satisfaction", locale, a.satisfaction().toString()));
        }
        lines.add(a.comment() == null || a.comment().isBlank() ? text("experience.loop.quote.noComment", locale)
                : text("experience.loop.quote.comment", locale, a.comment()));
        return String.join("\n", lines);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
