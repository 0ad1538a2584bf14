package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.internal.MysteryLinks;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Photos;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shopper's side of a mystery visit (ADR 0101): whether their personal link still opens it, the answers and the
 * receipt photo kept so far, and saving a draft or submitting the report.
 */
@Component
public class MysteryReports {

    /** What a shopper's link opens. */
    public enum Access {
        /** The form, to fill in (SCHEDULED or RETURNED, before the link expires). */
        OPEN,
        /** No such link (never issued, or garbled). */
        UNKNOWN,
        /** The visit was given to another shopper since this link was mailed. */
        REASSIGNED,
        /** Past the link's expiry. */
        EXPIRED,
        CANCELLED,
        /** The report was sent (SUBMITTED or ACCEPTED): shown read-only. */
        SENT
    }

    /** A link's visit and shopper, and what the link opens now; {@code visit} is null when UNKNOWN. */
    public record Opened(Access access, MysteryVisit visit, long shopperId, Language language) {
    }

    /** A shopper, as the report pages and the review name them. */
    public record Shopper(long id, String name, String email, Language language, String kind) {
    }

    /** The receipt photo kept with a visit. */
    public record Receipt(String contentType, byte[] content, Instant uploadedAt) {
    }

    /** How a save or submission came out: problems or missing items leave everything as it was. */
    public enum Result {
        SAVED, SUBMITTED, INVALID, MISSING, NOT_OPEN
    }

    public record Outcome(Result result, List<MysteryReport.Problem> problems, List<MysteryItem> missing,
                          Access access) {

        static Outcome of(Result result) {
            return new Outcome(result, List.of(), List.of(), Access.OPEN);
        }
    }

    private final JdbcClient jdbc;
    private final MysteryVisits visits;
    private final MysteryChecklists checklists;
    private final MysteryLinks links;
    private final Organization organization;
    private final Clock clock;

    MysteryReports(JdbcClient jdbc, MysteryVisits visits, MysteryChecklists checklists, MysteryLinks links,
                   Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.checklists = checklists;
        this.links = links;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The same, at another time (the demo's history). Not a Spring proxy: call it inside a transaction of your own.
     */
    public MysteryReports asOf(Clock then) {
        return new MysteryReports(jdbc, visits, checklists, links, organization, then);
    }

    /** What this link opens now; UNKNOWN for a link never issued or garbled. */
    public Opened open(String token) {
        return links.holderOf(token)
                .flatMap(h -> visits.find(h.visitId()).map(v -> opened(v, h.shopperId())))
                .orElse(new Opened(Access.UNKNOWN, null, 0, Language.EN));
    }

    private Opened opened(MysteryVisit visit, long shopperId) {
        Language language = shopper(shopperId).map(Shopper::language).orElse(Language.EN);
        return new Opened(access(visit, shopperId, clock.instant()), visit, shopperId, language);
    }

    static Access access(MysteryVisit visit, long shopperId, Instant now) {
        if (visit.shopperId() != shopperId) {
            return Access.REASSIGNED;
        }
        return switch (visit.status()) {
            case CANCELLED -> Access.CANCELLED;
            case SUBMITTED, ACCEPTED -> Access.SENT;
            case SCHEDULED, RETURNED -> now.isBefore(visit.expiresAt()) ? Access.OPEN : Access.EXPIRED;
        };
    }

    public Optional<Shopper> shopper(long shopperId) {
        return jdbc.sql("select id, name, email, language, kind from mystery_shopper where id = :id")
                .param("id", shopperId)
                .query((rs, n) -> new Shopper(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Language.fromCode(rs.getString(4)).orElse(Language.EN), rs.getString(5)))
                .optional();
    }

    /** The answers kept for a visit, by item id. */
    public Map<Long, MysteryItemAnswer> answers(long visitId) {
        Map<Long, MysteryItemAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("select item_id, na, value, comment from mystery_answer where visit_id = :v")
                .param("v", visitId)
                .query((rs, n) -> new MysteryItemAnswer(rs.getLong(1), rs.getBoolean(2), rs.getBigDecimal(3),
                        rs.getString(4)))
                .list().forEach(a -> answers.put(a.itemId(), a));
        return answers;
    }

    public Optional<Receipt> receipt(long visitId) {
        return jdbc.sql("select content_type, content, uploaded_at from mystery_receipt where visit_id = :v")
                .param("v", visitId)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public boolean hasReceipt(long visitId) {
        return jdbc.sql("select exists (select 1 from mystery_receipt where visit_id = :v)").param("v", visitId)
                .query(Boolean.class).single();
    }

    /**
     * Keeps the shopper's report for their visit: a draft ({@code submit} false) keeps what is given, partial or
     * not; a submission needs every item answered or N/A, the time of the visit and, for another business, what
     * stood out, and moves the visit to SUBMITTED. Any problem keeps nothing. A receipt photo (already checked by
     * {@link Photos#check}) replaces an earlier one; null keeps it.
     */
    @Transactional
    public Outcome save(long visitId, long shopperId, MysteryReport report, Photos.Photo receipt, boolean submit) {
        Instant now = clock.instant();
        Optional<MysteryVisit> locked = jdbc.sql("select " + MysteryVisits.COLUMNS
                        + " from mystery_visit where id = :id for update")
                .param("id", visitId).query((rs, n) -> MysteryVisits.read(rs)).optional();
        if (locked.isEmpty()) {
            return new Outcome(Result.NOT_OPEN, List.of(), List.of(), Access.UNKNOWN);
        }
        MysteryVisit visit = locked.get();
        Access access = access(visit, shopperId, now);
        if (access != Access.OPEN) {
            return new Outcome(Result.NOT_OPEN, List.of(), List.of(), access);
        }
        List<MysteryItem> items = checklists.version(visit.checklistVersionId()).orElseThrow().items();
        ZoneId zone = organization.store(visit.storeId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        List<MysteryReport.Problem> problems = report.problems(visit, items, zone, now, submit);
        if (!problems.isEmpty()) {
            return new Outcome(Result.INVALID, problems, List.of(), access);
        }
        if (submit) {
            List<MysteryItem> missing = MysteryScoring.missing(items, report.answers());
            if (!missing.isEmpty()) {
                return new Outcome(Result.MISSING, List.of(), missing, access);
            }
        }
        keep(visit, items, report, zone, now);
        if (receipt != null) {
            jdbc.sql("""
                    insert into mystery_receipt (visit_id, content_type, content, size, uploaded_at)
                    values (:v, :type, :content, :size, :at)
                    on conflict (visit_id) do update set content_type = excluded.content_type,
                        content = excluded.content, size = excluded.size, uploaded_at = excluded.uploaded_at
                    """)
                    .param("v", visitId).param("type", receipt.contentType()).param("content", receipt.content())
                    .param("size", receipt.content().length).param("at", Timestamp.from(now)).update();
        }
        if (!submit) {
            return Outcome.of(Result.SAVED);
        }
        visits.move(visitId, visit.status(), MysteryVisitStatus.SUBMITTED, now);
        jdbc.sql("update mystery_visit set submitted_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", visitId).update();
        return Outcome.of(Result.SUBMITTED);
    }

    private void keep(MysteryVisit visit, List<MysteryItem> items, MysteryReport report, ZoneId zone, Instant now) {
        jdbc.sql("delete from mystery_answer where visit_id = :v").param("v", visit.id()).update();
        for (MysteryItem item : items) {
            MysteryItemAnswer a = report.answers().get(item.id());
            if (a == null || (!a.answered() && a.comment().isEmpty())) {
                continue;
            }
            jdbc.sql("""
                    insert into mystery_answer (visit_id, item_id, na, value, comment)
                    values (:v, :item, :na, :value, :comment)
                    """)
                    .param("v", visit.id()).param("item", item.id()).param("na", a.na()).param("value", a.value())
                    .param("comment", a.comment()).update();
        }
        jdbc.sql("update mystery_visit set visited_at = :visited, stood_out = :stood, updated_at = :now where id = :id")
                .param("visited", report.visitedAt() == null ? null
                        : Timestamp.from(report.visitedAt().atZone(zone).toInstant()))
                .param("stood", report.stoodOut()).param("now", Timestamp.from(now)).param("id", visit.id())
                .update();
    }
}
