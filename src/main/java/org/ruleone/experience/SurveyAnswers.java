package org.ruleone.experience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what clients answer (ADR 0093, 0095): on an invitation's page, saved as it is given so a half-done survey
 * resumes and counts as partial, and used up when completed; on a store's own QR page, complete at once and
 * anonymous unless an e-mail was typed; or as it was, for data brought in afterwards (the demo). A completed answer
 * publishes {@link SurveyAnswered}; an imported one never does.
 */
@Service
public class SurveyAnswers {

    /** Where an invitation's survey stands for the person holding its link. */
    public enum State { OPEN, COMPLETED, EXPIRED }

    /** What an invitation's page shows: the survey's store and trigger, its state and the answers kept so far. */
    public record Survey(long invitationId, long storeId, String storeName, SurveyChannel channel, Language language,
                         State state, Integer comeBack, Integer satisfaction, String comment) {

        /** "The help you got" after a resolved case, "your visit" otherwise. */
        public boolean aboutHelp() {
            return channel == SurveyChannel.CASE_RESOLVED;
        }
    }

    /** What became of an answer given through a link. */
    public enum Outcome {
        /** kept, the survey stays open (partial) */
        SAVED,
        /** kept and the survey completed */
        COMPLETED,
        /** completed before: nothing stored */
        ALREADY_COMPLETED,
        EXPIRED,
        /** no survey has this link */
        UNKNOWN,
        /** the page the answer came from was another store's */
        OTHER_STORE,
        /** "send" with nothing answered */
        NOTHING_ANSWERED
    }

    /** An answer as it was given, for data brought in afterwards. */
    public record RecordedAnswer(long storeId, Long customerId, Long associateId, SurveyChannel channel,
                                 Language language, Integer comeBack, Integer satisfaction, String comment,
                                 Long caseId, String invoice, Instant answeredAt) {
    }

    private final JdbcClient jdbc;
    private final SurveyTokens tokens;
    private final SurveyWordings wordings;
    private final Organization organization;
    private final ClientBook clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SurveyAnswers(JdbcClient jdbc, SurveyTokens tokens, SurveyWordings wordings, Organization organization,
                  ClientBook clients, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.wordings = wordings;
        this.organization = organization;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    /** The survey this link opens, whatever its state; empty for a link no survey has (or a garbled one). */
    public Optional<Survey> survey(String token) {
        return tokens.invitationOf(token).flatMap(id -> invitation(id, false)).map(i -> {
            Optional<Kept> kept = existingAnswer(i.id()).flatMap(this::kept);
            return new Survey(i.id(), i.storeId(), storeName(i.storeId()), i.channel(), i.language(), state(i),
                    kept.map(Kept::comeBack).orElse(null), kept.map(Kept::satisfaction).orElse(null),
                    kept.map(Kept::comment).orElse(null));
        });
    }

    /**
     * Keeps what was given through an invitation's link, in the words of {@code shownIn} (the wording version kept
     * with the answer); {@code finish} completes the survey, which uses the link up.
     *
     * @param storeShown the store whose page the answer came from; another than the invitation's stores nothing
     */
    @Transactional
    public Outcome answer(String token, Long storeShown, SurveyReply reply, boolean finish, Language shownIn) {
        Optional<Invitation> found = tokens.invitationOf(token).flatMap(id -> invitation(id, true));
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Invitation i = found.get();
        if (storeShown != null && storeShown != i.storeId()) {
            return Outcome.OTHER_STORE;
        }
        switch (state(i)) {
            case COMPLETED -> {
                return Outcome.ALREADY_COMPLETED;
            }
            case EXPIRED -> {
                return Outcome.EXPIRED;
            }
            case OPEN -> { }
        }
        Instant now = clock.instant();
        Optional<Long> existing = existingAnswer(i.id());
        // Nothing given before and nothing now ("save" on an untouched form): no answer is started.
        Optional<Long> answerId = reply.isEmpty() && existing.isEmpty() ? existing
                : Optional.of(keep(i, reply, shownIn, now));
        if (!finish) {
            answerId.ifPresent(id -> setStatus(i.id(), "PARTIAL"));
            return Outcome.SAVED;
        }
        Optional<Kept> kept = answerId.flatMap(this::kept).filter(k -> !k.isEmpty());
        if (kept.isEmpty()) {
            return Outcome.NOTHING_ANSWERED;
        }
        jdbc.sql("update survey_answer set complete = true, answered_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", answerId.get()).update();
        setStatus(i.id(), "COMPLETED");
        Kept k = kept.get();
        events.publishEvent(new SurveyAnswered(answerId.get(), i.storeId(), i.customerId(), i.associateId(),
                i.channel(), k.comeBack(), k.satisfaction(), k.comment(), i.caseId(), i.invoice(), now));
        return Outcome.COMPLETED;
    }

    /**
     * A complete answer from the store's own page: anonymous, unless an e-mail was typed, which finds the store's
     * client or adds one.
     *
     * @return the answer's id
     * @throws IllegalArgumentException when the reply is empty, the store unknown or the e-mail not an address
     */
    @Transactional
    public long answerInStore(long storeId, SurveyReply reply, String email, Language shownIn) {
        if (reply.isEmpty()) {
            throw new IllegalArgumentException("Nothing answered");
        }
        if (organization.store(storeId).isEmpty()) {
            throw new IllegalArgumentException("No store " + storeId);
        }
        Long customer = email == null || email.isBlank() ? null
                : clients.findOrAdd(storeId, ClientBook.Contact.email(email.strip()), null, null, shownIn).clientId();
        return record(new RecordedAnswer(storeId, customer, null, SurveyChannel.IN_STORE, shownIn, reply.comeBack(),
                reply.satisfaction(), reply.comment(), null, null, clock.instant()));
    }

    /**
     * Stores a complete answer as it was given (for the demo, and the way the store's page stores its own), in
     * the wording now current in its language; publishes {@link SurveyAnswered} unless it was imported.
     *
     * @return the answer's id
     */
    @Transactional
    public long record(RecordedAnswer a) {
        Language language = a.language() == null ? Language.EN : a.language();
        long id = jdbc.sql("""
                insert into survey_answer (store_id, customer_id, associate_id, channel, wording_id, language, come_back,
                                           satisfaction, comment, complete, started_at, answered_at, case_id, invoice)
                values (:store, :customer, :associate, :channel, :wording, :language, :comeBack, :satisfaction,
                        :comment, true, :at, :at, :case, :invoice)
                returning id""")
                .param("store", a.storeId()).param("customer", a.customerId()).param("associate", a.associateId())
                .param("channel", a.channel().name()).param("wording", wordings.current(language).id())
                .param("language", language.code()).param("comeBack", a.comeBack())
                .param("satisfaction", a.satisfaction()).param("comment", blankToNull(a.comment()))
                .param("at", Timestamp.from(a.answeredAt())).param("case", a.caseId()).param("invoice", a.invoice())
                .query(Long.class).single();
        if (a.channel() != SurveyChannel.IMPORT) {
            events.publishEvent(new SurveyAnswered(id, a.storeId(), a.customerId(), a.associateId(), a.channel(),
                    a.comeBack(), a.satisfaction(), blankToNull(a.comment()), a.caseId(), a.invoice(),
                    a.answeredAt()));
        }
        return id;
    }

    public String storeName(long storeId) {
        return organization.store(storeId).map(StoreSummary::name).orElse("");
    }

    // ---- invitations and their answers

    private record Invitation(long id, long storeId, Long customerId, Long associateId, SurveyChannel channel,
                              Long caseId, String invoice, Language language, String status, Instant expiresAt) {
    }

    private record Kept(Integer comeBack, Integer satisfaction, String comment) {

        boolean isEmpty() {
            return comeBack == null && satisfaction == null && comment == null;
        }
    }

    private Optional<Invitation> invitation(long id, boolean lock) {
        return jdbc.sql("""
                select id, store_id, customer_id, associate_id, trigger, case_id, invoice, language, status, expires_at
                  from survey_invitation where id = :id""" + (lock ? " for update" : ""))
                .param("id", id).query(SurveyAnswers::invitation).optional();
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Invitation(rs.getLong("id"), rs.getLong("store_id"), (Long) rs.getObject("customer_id"),
                (Long) rs.getObject("associate_id"), SurveyChannel.valueOf(rs.getString("trigger")),
                (Long) rs.getObject("case_id"), rs.getString("invoice"),
                Language.fromCode(rs.getString("language")).orElse(Language.EN), rs.getString("status"),
                expires == null ? null : expires.toInstant());
    }

    private State state(Invitation i) {
        if ("COMPLETED".equals(i.status())) {
            return State.COMPLETED;
        }
        boolean lapsed = i.expiresAt() != null && !clock.instant().isBefore(i.expiresAt());
        return lapsed || "EXPIRED".equals(i.status()) || "SKIPPED".equals(i.status()) ? State.EXPIRED : State.OPEN;
    }

    /** Saves the reply into the invitation's answer, made at the first answer; a score not given keeps the one kept. */
    private long keep(Invitation i, SurveyReply reply, Language shownIn, Instant now) {
        return jdbc.sql("""
                insert into survey_answer as a (invitation_id, store_id, customer_id, associate_id, channel, wording_id,
                                                language, come_back, satisfaction, comment, complete, started_at,
                                                answered_at, case_id, invoice)
                values (:invitation, :store, :customer, :associate, :channel, :wording, :language, :comeBack,
                        :satisfaction, :comment, false, :now, :now, :case, :invoice)
                on conflict (invitation_id) do update
                   set wording_id = excluded.wording_id, language = excluded.language,
                       come_back = coalesce(excluded.come_back, a.come_back),
                       satisfaction = coalesce(excluded.satisfaction, a.satisfaction),
                       comment = case when :commentGiven then excluded.comment else a.comment end,
                       answered_at = excluded.answered_at
                returning id""")
                .param("invitation", i.id()).param("store", i.storeId()).param("customer", i.customerId())
                .param("associate", i.associateId()).param("channel", i.channel().name())
                .param("wording", wordings.current(shownIn).id()).param("language", shownIn.code())
                .param("comeBack", reply.comeBack()).param("satisfaction", reply.satisfaction())
                .param("comment", blankToNull(reply.comment())).param("commentGiven", reply.comment() != null)
                .param("now", Timestamp.from(now)).param("case", i.caseId()).param("invoice", i.invoice())
                .query(Long.class).single();
    }

    private Optional<Long> existingAnswer(long invitationId) {
        return jdbc.sql("select id from survey_answer where invitation_id = :id").param("id", invitationId)
                .query(Long.class).optional();
    }

    private Optional<Kept> kept(long answerId) {
        return jdbc.sql("select come_back, satisfaction, comment from survey_answer where id = :id")
                .param("id", answerId)
                .query((rs, n) -> new Kept((Integer) rs.getObject(1), (Integer) rs.getObject(2), rs.getString(3)))
                .optional();
    }

    private void setStatus(long invitationId, String status) {
        jdbc.sql("update survey_invitation set status = :status where id = :id and status <> 'COMPLETED'")
                .param("status", status).param("id", invitationId).update();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
