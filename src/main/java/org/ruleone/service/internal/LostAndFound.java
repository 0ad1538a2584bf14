package org.ruleone.service.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Resolution;
import org.ruleone.service.ServiceCase;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lost and found: items found in a store, what customers report lost on their cases, and the match between them.
 * Every method takes the store scope of the person asking (empty for an owner).
 */
@Service
public class LostAndFound {

    /** Found items are offered for a report from a day before the loss to this many days after it. */
    static final int DAYS_AFTER_LOSS = 30;
    /** Below this score a found item is not offered as a match. */
    static final double MIN_SCORE = 0.25;
    static final int MAX_MATCHES = 10;

    private final JdbcClient jdbc;
    private final CaseDesk desk;
    private final ClientBook clients;
    private final Organization organization;
    private final MessageSource messages;
    private final Clock clock;

    LostAndFound(JdbcClient jdbc, CaseDesk desk, ClientBook clients, Organization organization,
                 MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.clients = clients;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Logs an item someone found.
     *
     * @throws IllegalArgumentException when the store is outside the scope or {@code what} is blank
     */
    @Transactional
    public long log(long storeId, Optional<Long> scope, String what, String description, String foundWhere,
                    Instant foundAt, String foundBy, long loggedBy) {
        if (scope.isPresent() && scope.get() != storeId) {
            throw new IllegalArgumentException("Store outside scope: " + storeId);
        }
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("A found item needs a name");
        }
        return jdbc.sql("""
                insert into found_item (store_id, what, description, found_where, found_at, found_by, logged_by, logged_at)
                values (:store, :what, :description, :where, :foundAt, :foundBy, :loggedBy, :now)
                returning id
                """)
                .param("store", storeId).param("what", what.strip()).param("description", strip(description))
                .param("where", strip(foundWhere)).param("foundAt", Timestamp.from(foundAt))
                .param("foundBy", strip(foundBy)).param("loggedBy", loggedBy)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Items nobody has claimed yet, newest find first, in the scope (and in {@code store} when given). */
    public List<FoundItem> unclaimed(Optional<Long> scope, Optional<Long> store) {
        return jdbc.sql("""
                select * from found_item
                 where claimed_case_id is null
                   and (cast(:scope as bigint) is null or store_id = :scope)
                   and (cast(:store as bigint) is null or store_id = :store)
                 order by found_at desc, id desc limit 200
                """)
                .param("scope", scope.orElse(null)).param("store", store.orElse(null))
                .query(LostAndFound::item).list();
    }

    public Optional<FoundItem> item(long id, Optional<Long> scope) {
        return jdbc.sql("select * from found_item where id = :id and (cast(:scope as bigint) is null or store_id = :scope)")
                .param("id", id).param("scope", scope.orElse(null))
                .query(LostAndFound::item).optional();
    }

    /**
     * Records (or corrects) what the customer of a case lost.
     *
     * @return false when there is no such case in scope
     */
    @Transactional
    public boolean report(long caseId, Optional<Long> scope, long associateId, String description, LocalDate lostOn) {
        if (desk.find(caseId, scope).isEmpty()) {
            return false;
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("A lost report needs a description");
        }
        jdbc.sql("""
                insert into lost_report (case_id, description, lost_on, reported_by, reported_at)
                values (:case, :description, :lostOn, :by, :now)
                on conflict (case_id) do update
                   set description = excluded.description, lost_on = excluded.lost_on,
                       reported_by = excluded.reported_by, reported_at = excluded.reported_at
                """)
                .param("case", caseId).param("description", description.strip()).param("lostOn", lostOn)
                .param("by", associateId).param("now", Timestamp.from(clock.instant()))
                .update();
        return true;
    }

    public Optional<LostReport> reportOf(long caseId, Optional<Long> scope) {
        if (desk.find(caseId, scope).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from lost_report where case_id = :case")
                .param("case", caseId)
                .query((rs, n) -> new LostReport(rs.getLong("case_id"), rs.getString("description"),
                        rs.getObject("lost_on", LocalDate.class), rs.getLong("reported_by"),
                        rs.getTimestamp("reported_at").toInstant()))
                .optional();
    }

    /**
     * Unclaimed items of the case's store that look like what its customer lost: words alike (trigram similarity,
     * accents and case ignored) and found from the day before the loss to {@value #DAYS_AFTER_LOSS} days after.
     */
    public List<ItemMatch> matches(long caseId, Optional<Long> scope) {
        Optional<ServiceCase> found = desk.find(caseId, scope);
        Optional<LostReport> report = reportOf(caseId, scope);
        if (found.isEmpty() || report.isEmpty()) {
            return List.of();
        }
        ZoneId zone = organization.store(found.get().storeId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        LocalDate lostOn = report.get().lostOn();
        return jdbc.sql("""
                select * from (
                    select f.*, greatest(similarity(ro_fold(f.what || ' ' || f.description), ro_fold(:text)),
                                         word_similarity(ro_fold(f.what), ro_fold(:text)),
                                         word_similarity(ro_fold(:text), ro_fold(f.what || ' ' || f.description))) as score
                      from found_item f
                     where f.store_id = :store and f.claimed_case_id is null
                       and f.found_at >= :from and f.found_at < :to
                ) scored
                 where score >= :min
                 order by score desc, found_at desc
                 limit :limit
                """)
                .param("text", report.get().description())
                .param("store", found.get().storeId())
                .param("from", Timestamp.from(lostOn.minusDays(1).atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(lostOn.plusDays(DAYS_AFTER_LOSS + 1).atStartOfDay(zone).toInstant()))
                .param("min", MIN_SCORE)
                .param("limit", MAX_MATCHES)
                .query((rs, n) -> new ItemMatch(item(rs, n), rs.getDouble("score")))
                .list();
    }

    /**
     * "This is it": gives the found item back to the case's customer. In one transaction it tells the customer,
     * in their language, where to collect it (a reply, which the mail module sends), resolves the case as lost and
     * found with the item's id, and marks the item claimed.
     *
     * @return false when there is no such case, or no such unclaimed item of the case's store, in scope
     * @throws org.ruleone.service.IllegalCaseTransitionException when the case is already resolved
     */
    @Transactional
    public boolean claim(long caseId, long itemId, Optional<Long> scope, long associateId, String judgment) {
        Optional<ServiceCase> found = desk.find(caseId, scope);
        if (found.isEmpty()) {
            return false;
        }
        ServiceCase serviceCase = found.get();
        Optional<FoundItem> item = jdbc.sql("""
                select * from found_item where id = :id and store_id = :store and claimed_case_id is null for update
                """)
                .param("id", itemId).param("store", serviceCase.storeId())
                .query(LostAndFound::item).optional();
        if (item.isEmpty()) {
            return false;
        }
        StoreSummary store = organization.store(serviceCase.storeId()).orElseThrow();
        var language = clients.client(serviceCase.customerId(), Optional.empty())
                .map(c -> c.language()).orElse(serviceCase.language());
        String notice = messages.getMessage("lostfound.notify.body",
                new Object[] {item.get().what(), store.name(),
                        store.address() == null || store.address().isBlank() ? "" : ", " + store.address().strip()},
                language.locale());
        desk.reply(caseId, scope, associateId, notice, false);
        desk.resolve(caseId, scope, associateId,
                Resolution.lostAndFound(item.get().what(), itemId, StoreCurrency.of(store)), judgment);
        jdbc.sql("update found_item set claimed_case_id = :case, claimed_at = :now where id = :id")
                .param("case", caseId).param("now", Timestamp.from(clock.instant())).param("id", itemId)
                .update();
        return true;
    }

    /** The item given back through a case, if any. */
    public Optional<FoundItem> claimedBy(long caseId) {
        return jdbc.sql("select * from found_item where claimed_case_id = :case order by claimed_at desc limit 1")
                .param("case", caseId).query(LostAndFound::item).optional();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static FoundItem item(ResultSet rs, int row) throws SQLException {
        Timestamp claimedAt = rs.getTimestamp("claimed_at");
        return new FoundItem(rs.getLong("id"), rs.getLong("store_id"), rs.getString("what"),
                rs.getString("description"), rs.getString("found_where"), rs.getTimestamp("found_at").toInstant(),
                rs.getString("found_by"), rs.getLong("logged_by"), rs.getTimestamp("logged_at").toInstant(),
                (Long) rs.getObject("claimed_case_id"), claimedAt == null ? null : claimedAt.toInstant());
    }
}
