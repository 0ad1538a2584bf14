package org.ruleone.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service cases, their messages and resolutions in the database. Reads take the store scope of the person asking
 * ({@code null} for an owner), because case ids are guessable. Saving a changed case checks its version, so two
 * people changing one case at once cannot overwrite each other.
 */
@Repository
class ServiceCases {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceCases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long nextId() {
        return jdbc.sql("select nextval('service_case_id_seq')").query(Long.class).single();
    }

    void insert(ServiceCase serviceCase) {
        jdbc.sql("""
                insert into service_case (id, store_id, customer_id, associate_id, channel, subject, language, status,
                                          opened_at, first_response_at, resolved_at, reopened, version)
                values (:id, :store, :customer, :owner, :channel, :subject, :language, :status,
                        :openedAt, :firstResponseAt, :resolvedAt, :reopened, 0)
                """)
                .param("id", serviceCase.id())
                .param("store", serviceCase.storeId())
                .param("customer", serviceCase.customerId())
                .param("owner", serviceCase.ownerId())
                .param("channel", serviceCase.channel().name())
                .param("subject", serviceCase.subject())
                .param("language", serviceCase.language().code())
                .param("status", serviceCase.status().name())
                .param("openedAt", timestamp(serviceCase.openedAt()))
                .param("firstResponseAt", timestamp(serviceCase.firstResponseAt()))
                .param("resolvedAt", timestamp(serviceCase.resolvedAt()))
                .param("reopened", serviceCase.timesReopened())
                .update();
        saveParts(serviceCase);
    }

    /** @throws OptimisticLockingFailureException when someone else changed the case since it was loaded */
    void update(ServiceCase serviceCase) {
        int rows = jdbc.sql("""
                update service_case
                   set associate_id = :owner, status = :status, first_response_at = :firstResponseAt, resolved_at = :resolvedAt,
                       reopened = :reopened, version = version + 1
                 where id = :id and version = :version
                """)
                .param("owner", serviceCase.ownerId())
                .param("status", serviceCase.status().name())
                .param("firstResponseAt", timestamp(serviceCase.firstResponseAt()))
                .param("resolvedAt", timestamp(serviceCase.resolvedAt()))
                .param("reopened", serviceCase.timesReopened())
                .param("id", serviceCase.id())
                .param("version", serviceCase.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("Case " + serviceCase.id() + " was changed meanwhile");
        }
        saveParts(serviceCase);
    }

    private void saveParts(ServiceCase serviceCase) {
        for (CaseMessage message : serviceCase.messages()) {
            if (message.id() == null) {
                jdbc.sql("""
                        insert into case_message (case_id, author_kind, associate_id, body, internal, created_at)
                        values (:case, :author, :associate, :body, :internal, :at)
                        """)
                        .param("case", serviceCase.id())
                        .param("author", message.author().name())
                        .param("associate", message.associateId())
                        .param("body", message.body())
                        .param("internal", message.internal())
                        .param("at", timestamp(message.createdAt()))
                        .update();
            }
        }
        for (RecordedResolution given : serviceCase.resolutions()) {
            if (given.id() != null && serviceCase.changedResolutions().contains(given.id())) {
                jdbc.sql("update resolution set details = cast(:details as jsonb) where id = :id and case_id = :case")
                        .param("details", json.writeValueAsString(detailsAsJson(given.resolution().details())))
                        .param("id", given.id())
                        .param("case", serviceCase.id())
                        .update();
            }
            if (given.id() == null) {
                Resolution resolution = given.resolution();
                jdbc.sql("""
                        insert into resolution (case_id, kind, cost, currency, judgment, details, associate_id,
                                                created_at)
                        values (:case, :kind, :cost, :currency, :judgment, cast(:details as jsonb), :associate, :at)
                        """)
                        .param("case", serviceCase.id())
                        .param("kind", resolution.kind().name())
                        .param("cost", resolution.cost().amount())
                        .param("currency", resolution.currency())
                        .param("judgment", given.judgment())
                        .param("details", json.writeValueAsString(detailsAsJson(resolution.details())))
                        .param("associate", given.associateId())
                        .param("at", timestamp(given.createdAt()))
                        .update();
            }
        }
    }

    Optional<ServiceCase> find(long id, Long scope) {
        Optional<CaseRow> row = jdbc.sql("""
                select * from service_case
                 where id = :id and (cast(:scope as bigint) is null or store_id = :scope)
                """)
                .param("id", id).param("scope", scope)
                .query((rs, n) -> new CaseRow(summary(rs, n), rs.getLong("version")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<CaseMessage> messages = jdbc.sql("""
                select id, author_kind, associate_id, body, internal, created_at
                  from case_message where case_id = :id order by created_at, id
                """)
                .param("id", id)
                .query((rs, n) -> new CaseMessage(rs.getLong("id"), AuthorKind.valueOf(rs.getString("author_kind")),
                        (Long) rs.getObject("associate_id"), rs.getString("body"), rs.getBoolean("internal"),
                        instant(rs, "created_at")))
                .list();
        List<RecordedResolution> resolutions = jdbc.sql("""
                select id, kind, cost, currency, judgment, details, associate_id, created_at
                  from resolution where case_id = :id order by created_at, id
                """)
                .param("id", id)
                .query((rs, n) -> resolution(rs))
                .list();
        CaseSummary c = row.get().summary();
        return Optional.of(new ServiceCase(c.id(), c.storeId(), c.customerId(), c.ownerId(), c.channel(),
                c.subject(), c.language(), c.status(), c.openedAt(), c.firstResponseAt(), c.resolvedAt(),
                c.timesReopened(), row.get().version(), messages, resolutions));
    }

    private record CaseRow(CaseSummary summary, long version) {
    }

    List<CaseSummary> list(CaseFilter filter, Long scope) {
        return jdbc.sql("""
                select * from service_case
                 where (cast(:scope as bigint) is null or store_id = :scope)
                   and (cast(:store as bigint) is null or store_id = :store)
                   and (cast(:owner as bigint) is null or associate_id = :owner)
                   and (cast(:customer as bigint) is null or customer_id = :customer)
                   and (cast(:status as text) is null or status = :status)
                 order by opened_at desc, id desc
                 limit :limit
                """)
                .param("scope", scope)
                .param("store", filter.storeId().orElse(null))
                .param("owner", filter.ownerId().orElse(null))
                .param("customer", filter.customerId().orElse(null))
                .param("status", filter.status().map(Enum::name).orElse(null))
                .param("limit", filter.limit())
                .query(ServiceCases::summary)
                .list();
    }

    /** How many cases of the store are in each status, in one grouped count. */
    /** The status of each of these cases within the scope; ids not found (or outside the scope) are left out. */
    Map<Long, CaseStatus> statuses(java.util.Collection<Long> ids, Long scope) {
        Map<Long, CaseStatus> statuses = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        jdbc.sql("""
                select id, status from service_case
                 where id = any(:ids) and (cast(:scope as bigint) is null or store_id = :scope)
                """)
                .param("ids", ids.toArray(Long[]::new)).param("scope", scope)
                .query(rs -> {
                    statuses.put(rs.getLong(1), CaseStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    Map<Long, Map<CaseStatus, Long>> countsByStatus(java.util.Collection<Long> storeIds,
                                                    java.util.Set<CaseStatus> statuses, Long scope) {
        Map<Long, Map<CaseStatus, Long>> counts = new java.util.HashMap<>();
        if (storeIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select store_id, status, count(*) from service_case
                 where store_id = any(:stores) and status = any(:statuses)
                   and (cast(:scope as bigint) is null or store_id = :scope)
                 group by store_id, status
                """)
                .param("stores", storeIds.toArray(Long[]::new)).param("scope", scope)
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(CaseStatus.class))
                            .put(CaseStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
        return new CaseSummary(rs.getLong("id"), rs.getLong("store_id"), rs.getLong("customer_id"),
                (Long) rs.getObject("associate_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"), Language.fromCode(rs.getString("language")).orElse(Language.EN),
                CaseStatus.valueOf(rs.getString("status")), instant(rs, "opened_at"),
                instant(rs, "first_response_at"), instant(rs, "resolved_at"), rs.getInt("reopened"));
    }

    private RecordedResolution resolution(ResultSet rs) throws SQLException {
        ResolutionKind kind = ResolutionKind.valueOf(rs.getString("kind"));
        Money cost = Money.of(rs.getBigDecimal("cost"), rs.getString("currency"));
        ResolutionDetails details = detailsFromJson(kind, json.readTree(rs.getString("details")));
        return new RecordedResolution(rs.getLong("id"), new Resolution(kind, cost, details),
                rs.getString("judgment"), rs.getLong("associate_id"), instant(rs, "created_at"));
    }

    /** The jsonb shape of each kind's details, in the column names a report would use. */
    private static Map<String, Object> detailsAsJson(ResolutionDetails details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (details) {
            case ResolutionDetails.Refund refund -> fields.put("goods_never_sold", refund.goodsNeverSold());
            case ResolutionDetails.Replacement replacement -> {
                fields.put("carrier", replacement.carrier());
                fields.put("tracking", replacement.tracking());
            }
            case ResolutionDetails.Alteration alteration -> {
                fields.put("promised_at", alteration.promisedAt().toString());
                fields.put("status", alteration.status().name());
            }
            case ResolutionDetails.Visit visit -> fields.put("visit_at", visit.visitAt().toString());
            case ResolutionDetails.FoundItem found -> {
                fields.put("item", found.item());
                if (found.itemId() != null) {
                    fields.put("item_id", found.itemId());
                }
            }
            case ResolutionDetails.None none -> {
            }
        }
        return fields;
    }

    private static ResolutionDetails detailsFromJson(ResolutionKind kind, JsonNode node) {
        return switch (kind) {
            case REFUND -> new ResolutionDetails.Refund(node.path("goods_never_sold").asBoolean(false));
            case REPLACEMENT_SHIPPED -> new ResolutionDetails.Replacement(node.path("carrier").asString(),
                    node.path("tracking").asString());
            case ALTERATION -> new ResolutionDetails.Alteration(Instant.parse(node.path("promised_at").asString()),
                    AlterationStatus.valueOf(node.path("status").asString()));
            case AFTER_HOURS_VISIT -> new ResolutionDetails.Visit(Instant.parse(node.path("visit_at").asString()));
            case LOST_AND_FOUND -> new ResolutionDetails.FoundItem(node.path("item").asString(),
                    node.hasNonNull("item_id") ? node.path("item_id").asLong() : null);
            case EXCHANGE, GOODWILL, LIFETIME_GUARANTEE, ANSWERED -> new ResolutionDetails.None();
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
