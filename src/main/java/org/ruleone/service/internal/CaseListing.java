package org.ruleone.service.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.service.CaseStatus;
import org.ruleone.service.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case list with every filter the screen offers, newest first, a page at a time. Text matches the subject,
 * or the customers the caller found by name in the client book (this module never reads the client tables).
 */
@Repository
public class CaseListing {

    public static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;

    CaseListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to list; an empty criterion matches every case, {@code page} counts from 0. */
    public record Query(Optional<Long> store, Optional<CaseStatus> status, Optional<Channel> channel,
                        Optional<Long> owner, String text, Collection<Long> customersNamed, int page) {
    }

    public record Row(long id, long storeId, long customerId, Long ownerId, Channel channel, String subject,
                      CaseStatus status, Instant openedAt) {
    }

    /** One page of rows; {@code more} when another page follows. */
    public record Page(List<Row> rows, int page, boolean more) {
    }

    public Page list(Query query, Optional<Long> scope) {
        String text = query.text() == null ? "" : query.text().strip();
        Long[] customers = query.customersNamed().toArray(Long[]::new);
        List<Row> rows = jdbc.sql("""
                select id, store_id, customer_id, associate_id, channel, subject, status, opened_at from service_case
                 where (cast(:scope as bigint) is null or store_id = :scope)
                   and (cast(:store as bigint) is null or store_id = :store)
                   and (cast(:status as text) is null or status = :status)
                   and (cast(:channel as text) is null or channel = :channel)
                   and (cast(:owner as bigint) is null or associate_id = :owner)
                   and (:text = '' or ro_fold(subject) like '%' || ro_fold(:text) || '%'
                        or customer_id = any(cast(:customers as bigint[])))
                 order by opened_at desc, id desc
                 limit :limit offset :offset
                """)
                .param("scope", scope.orElse(null))
                .param("store", query.store().orElse(null))
                .param("status", query.status().map(Enum::name).orElse(null))
                .param("channel", query.channel().map(Enum::name).orElse(null))
                .param("owner", query.owner().orElse(null))
                .param("text", text)
                .param("customers", customers)
                .param("limit", PAGE_SIZE + 1)
                .param("offset", Math.max(0, query.page()) * PAGE_SIZE)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("store_id"), rs.getLong("customer_id"),
                        (Long) rs.getObject("associate_id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("subject"), CaseStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("opened_at").toInstant()))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, Math.max(0, query.page()), more);
    }
}
