package org.ruleone.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.purchases.GroupPurchases;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns: written by an owner, manager or associate for their store (an owner also for the whole chain), sent
 * once to the clients of their audience who consented to e-mail, and their results.
 */
@Service
public class Campaigns {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcClient jdbc;
    private final Audiences audiences;
    private final Organization organization;
    private final GroupPurchases purchases;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Audiences audiences, Organization organization, GroupPurchases purchases,
              Clock clock) {
        this.jdbc = jdbc;
        this.audiences = audiences;
        this.organization = organization;
        this.purchases = purchases;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the store is outside the person's scope, a chain-wide campaign is asked
     *                                  by someone who is not the owner, an event has no start, or it ends before it
     *                                  starts
     */
    @Transactional
    public long create(CampaignDraft d, SignedInAssociate me) {
        if (d.storeId() == null ? !me.isOwner() : !me.canSeeStore(d.storeId())) {
            throw new IllegalArgumentException("Store outside scope");
        }
        if (d.kind() == CampaignKind.EVENT && d.startsAt() == null) {
            throw new IllegalArgumentException("An event needs a start");
        }
        if (d.startsAt() != null && d.endsAt() != null && !d.endsAt().isAfter(d.startsAt())) {
            throw new IllegalArgumentException("Ends before it starts");
        }
        if (d.titles().values().stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("A title is needed");
        }
        AudienceFilter a = d.audience();
        return jdbc.sql("""
                insert into campaign (kind, store_id, title_en, title_fr, title_pl, body_en, body_fr, body_pl, place,
                    starts_at, ends_at, audience, follow_days, status, created_by, created_at)
                values (:kind, :store, :te, :tf, :tp, :be, :bf, :bp, :place, :starts, :ends,
                    jsonb_build_object('tags', to_jsonb(cast(:tags as text[])), 'lastFrom', cast(:lastFrom as text),
                        'lastTo', cast(:lastTo as text), 'spendMin', cast(:spendMin as numeric),
                        'spendMax', cast(:spendMax as numeric), 'languages', to_jsonb(cast(:languages as text[])),
                        'segments', to_jsonb(cast(:segments as text[]))),
                    :follow, 'DRAFT', :by, :at)
                returning id
                """)
                .param("kind", d.kind().name()).param("store", d.storeId())
                .param("te", d.titles().getOrDefault(Language.EN, "").strip())
                .param("tf", d.titles().getOrDefault(Language.FR, "").strip())
                .param("tp", d.titles().getOrDefault(Language.PL, "").strip())
                .param("be", d.bodies().getOrDefault(Language.EN, "").strip())
                .param("bf", d.bodies().getOrDefault(Language.FR, "").strip())
                .param("bp", d.bodies().getOrDefault(Language.PL, "").strip())
                .param("place", d.place())
                .param("starts", d.startsAt() == null ? null : Timestamp.from(d.startsAt()))
                .param("ends", d.endsAt() == null ? null : Timestamp.from(d.endsAt()))
                .param("tags", a.tags().toArray(String[]::new))
                .param("lastFrom", a.lastPurchaseFrom() == null ? null : a.lastPurchaseFrom().toString())
                .param("lastTo", a.lastPurchaseTo() == null ? null : a.lastPurchaseTo().toString())
                .param("spendMin", a.spendMin()).param("spendMax", a.spendMax())
                .param("languages", a.languages().stream().map(Language::code).sorted().toArray(String[]::new))
                .param("segments", a.segments().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("follow", d.followDays()).param("by", me.id())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** A campaign the person may see: their store's, or any for an owner. */
    public Optional<Campaign> find(long id, SignedInAssociate me) {
        return find(id).filter(c -> c.storeId() == null ? me.isOwner() : me.canSeeStore(c.storeId()));
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("select * from campaign where id = :id").param("id", id).query(Campaigns::row).optional();
    }

    public List<Campaign> list(SignedInAssociate me) {
        return jdbc.sql("""
                select * from campaign where (cast(:store as bigint) is null or store_id = :store)
                 order by id desc limit 200
                """)
                .param("store", me.storeScope().orElse(null)).query(Campaigns::row).list();
    }

    /** How many clients the campaign's audience reaches now, and how many it leaves out and why. */
    public AudienceCount count(Campaign c) {
        return audiences.count(c.audience(), Optional.ofNullable(c.storeId()), zone(c.storeId()));
    }

    public ZoneId zone(Long storeId) {
        return storeId == null ? ZoneOffset.UTC
                : organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneOffset.UTC);
    }

    /** Sent, bounced and RSVP counts, and the purchases that followed, beside clients who were not invited. */
    @Transactional(readOnly = true)
    public CampaignResults results(Campaign c) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select count(*) as queued, count(*) filter (where status = 'SENT') as sent,
                       count(*) filter (where status = 'BOUNCED') as bounced,
                       count(*) filter (where rsvp = 'YES') as yes, count(*) filter (where rsvp = 'NO') as no,
                       count(*) filter (where rsvp = 'MAYBE') as maybe
                  from campaign_recipient where campaign_id = :id
                """)
                .param("id", c.id()).query(rs -> {
                    for (String k : List.of("queued", "sent", "bounced", "yes", "no", "maybe")) {
                        counts.put(k, rs.getInt(k));
                    }
                });
        List<Long> invited = jdbc.sql("select customer_id from campaign_recipient where campaign_id = :id")
                .param("id", c.id()).query(Long.class).list();
        CampaignResults.Group in = new CampaignResults.Group(0, 0, 0, java.math.BigDecimal.ZERO);
        CampaignResults.Group out = in;
        if (c.sentAt() != null) {
            Instant to = c.sentAt().plus(java.time.Duration.ofDays(c.followDays()));
            var fi = purchases.between(invited, c.sentAt(), to);
            in = new CampaignResults.Group(invited.size(), fi.buyers(), fi.purchases(), fi.spend());
            List<Long> others = audiences.consentingNotInvited(c.id(), c.storeId(), Optional.empty());
            var fo = purchases.between(others, c.sentAt(), to);
            out = new CampaignResults.Group(others.size(), fo.buyers(), fo.purchases(), fo.spend());
        }
        return new CampaignResults(counts.getOrDefault("queued", 0), counts.getOrDefault("sent", 0),
                counts.getOrDefault("bounced", 0), counts.getOrDefault("yes", 0), counts.getOrDefault("no", 0),
                counts.getOrDefault("maybe", 0), c.followDays(), in, out);
    }

    private static Campaign row(ResultSet rs, int n) throws SQLException {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        Map<Language, String> bodies = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            titles.put(l, rs.getString("title_" + l.code()));
            bodies.put(l, rs.getString("body_" + l.code()));
        }
        Timestamp starts = rs.getTimestamp("starts_at");
        Timestamp ends = rs.getTimestamp("ends_at");
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Campaign(rs.getLong("id"), CampaignKind.valueOf(rs.getString("kind")),
                rs.getObject("store_id", Long.class), titles, bodies, rs.getString("place"),
                starts == null ? null : starts.toInstant(), ends == null ? null : ends.toInstant(),
                audience(rs.getString("audience"), rs.getObject("store_id", Long.class)), rs.getInt("follow_days"),
                CampaignStatus.valueOf(rs.getString("status")), rs.getLong("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("sent_by", Long.class),
                sent == null ? null : sent.toInstant());
    }

    /** Reads back the audience JSON the insert wrote (a flat object of strings, numbers and string arrays). */
    static AudienceFilter audience(String json, Long storeId) {
        JsonNode j = JSON.readTree(json);
        Set<Language> languages = new java.util.HashSet<>();
        for (String code : strings(j, "languages")) {
            Language.fromCode(code).ifPresent(languages::add);
        }
        Set<org.ruleone.clienteling.Segment> segments = java.util.EnumSet.noneOf(org.ruleone.clienteling.Segment.class);
        for (String name : strings(j, "segments")) {
            try {
                segments.add(org.ruleone.clienteling.Segment.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // A segment the book no longer names: it matches nobody, so it is dropped.
            }
        }
        return new AudienceFilter(storeId, strings(j, "tags"),
                text(j, "lastFrom").map(java.time.LocalDate::parse).orElse(null),
                text(j, "lastTo").map(java.time.LocalDate::parse).orElse(null),
                amount(j, "spendMin"), amount(j, "spendMax"), languages, segments);
    }

    private static Optional<String> text(JsonNode audience, String key) {
        JsonNode value = audience.path(key);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    /** An amount as PostgreSQL wrote it, scale and all ("500.00" stays 500.00). */
    private static java.math.BigDecimal amount(JsonNode audience, String key) {
        JsonNode value = audience.path(key);
        return value.isNumber() ? value.decimalValue() : text(audience, key).map(java.math.BigDecimal::new).orElse(null);
    }

    private static List<String> strings(JsonNode audience, String key) {
        List<String> list = new ArrayList<>();
        audience.path(key).forEach(value -> list.add(value.asString()));
        return list;
    }
}
