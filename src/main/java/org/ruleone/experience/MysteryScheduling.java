package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruleone.experience.internal.MysteryVisitMail;
import org.ruleone.experience.internal.MysteryVisitMail.Purpose;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's side of mystery visits: schedule one and mail the shopper their personal link, give it to another
 * shopper (whose link then replaces the first one's), cancel it, or mail the link again. Every method takes the store
 * scope of the person acting (empty for the owner): a visit, shopper or store outside it does not exist for them.
 * What is refused throws {@link MysteryRefused} and changes nothing.
 */
@Component
public class MysteryScheduling {

    /** How long a link works after the window's last day (ADR 0099). */
    public static final int EXPIRY_DAYS = 7;
    public static final int MAX_DEPARTMENT = 100;
    public static final int MAX_BUSINESS_NAME = 200;
    public static final int MAX_SCENARIO = 2000;
    /** Where a shopper may be sent: one of our stores, or another business to compare with. */
    public static final List<String> TARGET_KINDS = List.of(MysteryVisit.OWN_STORE, "BANK", "HOTEL", "GYM",
            "RESTAURANT", "GROCER", "OTHER_STORE");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final Pattern CONTROL_BUT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private final JdbcClient jdbc;
    private final MysteryVisits visits;
    private final MysteryShoppers shoppers;
    private final MysteryChecklists checklists;
    private final MysteryVisitMail mail;
    private final Organization organization;
    private final Clock clock;

    MysteryScheduling(JdbcClient jdbc, MysteryVisits visits, MysteryShoppers shoppers, MysteryChecklists checklists,
                      MysteryVisitMail mail, Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.shoppers = shoppers;
        this.checklists = checklists;
        this.mail = mail;
        this.organization = organization;
        this.clock = clock;
    }

    /** When a visit's link stops working: the end of the window's last day in the store's zone, plus the days. */
    public static Instant expiresAt(LocalDate windowTo, ZoneId zone) {
        return windowTo.plusDays(1 + EXPIRY_DAYS).atStartOfDay(zone).toInstant();
    }

    /** What is wrong with a draft, field by field (field name to message key); empty when it can be scheduled. */
    public Map<String, String> problems(MysteryVisitDraft d, Optional<Long> scope) {
        return checked(d, scope, clock.instant()).problems();
    }

    /**
     * Schedules a visit, copying the shopper's reward to it, and mails the shopper their link.
     *
     * @return the visit's id
     * @throws MysteryRefused field by field; nothing is stored or mailed
     */
    @Transactional
    public long schedule(MysteryVisitDraft d, Optional<Long> scope, long scheduledBy) {
        Checked c = checked(d, scope, clock.instant());
        long id = insert(d, c, scheduledBy, clock.instant());
        mailLink(visits.find(id).orElseThrow(), c.shopper().orElseThrow(), c.store().orElseThrow(), scheduledBy,
                Purpose.SCHEDULED);
        return id;
    }

    /**
     * Records a visit as scheduled at a time in the past, without mailing anyone: for history brought in (the demo's
     * visits over past months). The window must not have ended by {@code scheduledAt}; everything else is checked as
     * for {@link #schedule}.
     *
     * @throws MysteryRefused field by field; nothing is stored
     */
    @Transactional
    public long recordScheduled(MysteryVisitDraft d, Optional<Long> scope, long scheduledBy, Instant scheduledAt) {
        return insert(d, checked(d, scope, scheduledAt), scheduledBy, scheduledAt);
    }

    private long insert(MysteryVisitDraft d, Checked c, long scheduledBy, Instant now) {
        if (!c.problems().isEmpty()) {
            throw new MysteryRefused(c.problems());
        }
        StoreSummary store = c.store().orElseThrow();
        MysteryShopper shopper = c.shopper().orElseThrow();
        MysteryReward reward = shopper.reward();
        return jdbc.sql("""
                insert into mystery_visit (store_id, department, target_kind, business_name, window_from, window_to,
                                           scenario, checklist_version_id, shopper_id, status, expires_at,
                                           scheduled_by, scheduled_at, reward_kind, reward_amount, reward_currency,
                                           reward_gift, updated_at)
                values (:store, :department, :target, :business, :from, :to, :scenario, :version, :shopper,
                        'SCHEDULED', :expires, :by, :now, :rewardKind, :amount, :currency, :gift, :now)
                returning id
                """)
                .param("store", d.storeId()).param("department", c.department()).param("target", c.target())
                .param("business", c.business()).param("from", d.windowFrom()).param("to", d.windowTo())
                .param("scenario", c.scenario()).param("version", d.checklistVersionId())
                .param("shopper", d.shopperId())
                .param("expires", Timestamp.from(expiresAt(d.windowTo(), store.timeZone())))
                .param("by", scheduledBy).param("now", Timestamp.from(now))
                .param("rewardKind", reward.kind().name()).param("amount", reward.amount())
                .param("currency", reward.amount() == null ? null : reward.currency()).param("gift", reward.gift())
                .query(Long.class).single();
    }

    private record Checked(Map<String, String> problems, Optional<StoreSummary> store,
                           Optional<MysteryShopper> shopper, String department, String target, String business,
                           String scenario) {
    }

    private Checked checked(MysteryVisitDraft d, Optional<Long> scope, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<StoreSummary> store = organization.store(d.storeId())
                .filter(s -> scope.isEmpty() || scope.get() == s.id());
        if (store.isEmpty()) {
            problems.put("storeId", "experience.mystery.visit.error.store");
        }
        String department = d.department() == null ? "" : d.department().strip();
        if (department.length() > MAX_DEPARTMENT || LINE_BREAKS.matcher(department).find()) {
            problems.put("department", "experience.mystery.visit.error.department");
        }
        String target = d.targetKind() == null ? "" : d.targetKind();
        String business = d.businessName() == null ? "" : d.businessName().strip();
        if (!TARGET_KINDS.contains(target)) {
            problems.put("targetKind", "experience.mystery.visit.error.target");
        } else if (MysteryVisit.OWN_STORE.equals(target)) {
            business = "";
        } else if (business.isEmpty() || business.length() > MAX_BUSINESS_NAME
                || LINE_BREAKS.matcher(business).find()) {
            problems.put("businessName", "experience.mystery.visit.error.business");
        }
        window(d, store, now, problems);
        String scenario = d.scenario() == null ? "" : d.scenario().strip();
        if (scenario.isEmpty() || scenario.length() > MAX_SCENARIO || CONTROL_BUT_LINES.matcher(scenario).find()) {
            problems.put("scenario", "experience.mystery.visit.error.scenario");
        }
        boolean checklistCurrent = checklists.checklists().stream()
                .anyMatch(c -> !c.archived() && c.versionId() == d.checklistVersionId());
        if (!checklistCurrent) {
            problems.put("checklistVersionId", "experience.mystery.visit.error.checklist");
        }
        Optional<MysteryShopper> shopper = store.flatMap(s -> shoppers.find(d.shopperId(), Optional.of(s.id())))
                .filter(MysteryShopper::active);
        if (shopper.isEmpty()) {
            problems.put("shopperId", "experience.mystery.visit.error.shopper");
        }
        return new Checked(problems, store, shopper, department, target, business, scenario);
    }

    private void window(MysteryVisitDraft d, Optional<StoreSummary> store, Instant now,
                        Map<String, String> problems) {
        if (d.windowFrom() == null) {
            problems.put("windowFrom", "experience.mystery.visit.error.date");
        }
        if (d.windowTo() == null) {
            problems.put("windowTo", "experience.mystery.visit.error.date");
        }
        if (d.windowFrom() == null || d.windowTo() == null) {
            return;
        }
        if (d.windowTo().isBefore(d.windowFrom())) {
            problems.put("windowTo", "experience.mystery.visit.error.order");
        } else if (store.isPresent() && d.windowTo().isBefore(LocalDate.ofInstant(now,
                store.get().timeZone()))) {
            problems.put("windowTo", "experience.mystery.visit.error.past");
        }
    }

    /**
     * Gives a visit not yet submitted (SCHEDULED, or RETURNED) to another active shopper of its store, with that
     * shopper's reward, and mails them a link of their own; the first shopper's link no longer opens it.
     *
     * @throws MysteryRefused "id" when the visit is not in the scope, "status" when it is past that point,
     *                        "shopperId" when the shopper is not one the visit may be given to
     */
    @Transactional
    public void reassign(long visitId, long shopperId, Optional<Long> scope, long by) {
        MysteryVisit visit = open(visitId, scope);
        MysteryShopper next = shoppers.find(shopperId, Optional.of(visit.storeId())).filter(MysteryShopper::active)
                .orElseThrow(() -> MysteryRefused.of("shopperId", "experience.mystery.visit.error.shopper"));
        if (next.id() == visit.shopperId()) {
            throw MysteryRefused.of("shopperId", "experience.mystery.visit.error.sameShopper");
        }
        MysteryReward reward = next.reward();
        int moved = jdbc.sql("""
                update mystery_visit set shopper_id = :shopper, reward_kind = :rewardKind, reward_amount = :amount,
                       reward_currency = :currency, reward_gift = :gift, updated_at = :now
                 where id = :id and status = :status and shopper_id = :previous
                """)
                .param("shopper", next.id()).param("rewardKind", reward.kind().name())
                .param("amount", reward.amount()).param("currency", reward.amount() == null ? null : reward.currency())
                .param("gift", reward.gift()).param("now", Timestamp.from(clock.instant())).param("id", visitId)
                .param("status", visit.status().name()).param("previous", visit.shopperId()).update();
        if (moved != 1) {
            throw MysteryRefused.of("status", "experience.mystery.visit.error.status");
        }
        mailLink(visits.find(visitId).orElseThrow(), next, store(visit), by, Purpose.REASSIGNED);
    }

    /**
     * Cancels a visit not yet submitted.
     *
     * @throws MysteryRefused "id" when the visit is not in the scope, "status" when it can no longer be cancelled
     */
    @Transactional
    public void cancel(long visitId, Optional<Long> scope) {
        MysteryVisit visit = open(visitId, scope);
        if (!visits.move(visitId, visit.status(), MysteryVisitStatus.CANCELLED, clock.instant())) {
            throw MysteryRefused.of("status", "experience.mystery.visit.error.status");
        }
    }

    /**
     * Mails the visit's shopper a new link (the earlier ones keep working while the visit is theirs).
     *
     * @throws MysteryRefused "id" when the visit is not in the scope, "status" when the shopper may no longer fill
     *                        it in, "expired" when its link would not open any more
     */
    @Transactional
    public void resend(long visitId, Optional<Long> scope, long by) {
        MysteryVisit visit = open(visitId, scope);
        if (!clock.instant().isBefore(visit.expiresAt())) {
            throw MysteryRefused.of("expired", "experience.mystery.visit.error.expired");
        }
        MysteryShopper shopper = shoppers.find(visit.shopperId(), Optional.empty()).orElseThrow();
        mailLink(visit, shopper, store(visit), by, Purpose.RESENT);
    }

    /** The visits in the scope, in one status or all, the latest window first. */
    public List<MysteryVisit> list(Optional<Long> scope, Optional<MysteryVisitStatus> status, int limit) {
        return jdbc.sql("select " + MysteryVisits.COLUMNS + """
                         from mystery_visit
                        where (cast(:store as bigint) is null or store_id = :store)
                          and (cast(:status as text) is null or status = :status)
                        order by window_from desc, id desc limit :limit
                        """)
                .param("store", scope.orElse(null)).param("status", status.map(Enum::name).orElse(null))
                .param("limit", limit).query((rs, n) -> MysteryVisits.read(rs)).list();
    }

    /** The departments named in the scope's visits before, the most used first: what the form suggests. */
    public List<String> departments(Optional<Long> scope) {
        return jdbc.sql("""
                select department from mystery_visit
                 where department <> '' and (cast(:store as bigint) is null or store_id = :store)
                 group by department order by count(*) desc, department limit 50
                """).param("store", scope.orElse(null)).query(String.class).list();
    }

    /** The visit in the scope, while its shopper may still fill it in; else refused. */
    private MysteryVisit open(long visitId, Optional<Long> scope) {
        MysteryVisit visit = visits.find(visitId, scope)
                .orElseThrow(() -> MysteryRefused.of("id", "experience.mystery.visit.error.unknown"));
        if (!visit.status().openToShopper()) {
            throw MysteryRefused.of("status", "experience.mystery.visit.error.status");
        }
        return visit;
    }

    private StoreSummary store(MysteryVisit visit) {
        return organization.store(visit.storeId()).orElseThrow();
    }

    private void mailLink(MysteryVisit visit, MysteryShopper shopper, StoreSummary store, long by, Purpose purpose) {
        mail.send(visit, shopper, store, organization.associate(by), purpose);
    }
}
