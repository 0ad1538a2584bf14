package org.ruleone.campaigns;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.clienteling.Segments;
import org.ruleone.customers.PostalAddress;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds audiences. One statement classifies every matching client: the e-mail consent in force (the newest
 * decision), whether they ever granted it, an e-mail address, and whether that address bounced for good; only
 * clients with consent in force, an address and no bounce are "in". No other path produces recipients, so no
 * e-mail can go to a client without current consent, however the client came in (import, API, screen) or whoever
 * keeps their book.
 *
 * <p>Reads the client book's and the purchases' published views in one set-based query (a million clients cannot
 * go through the per-client API; ADR 0089); the consent in force is the one {@code customers.Consents} reads.
 */
@Service
public class Audiences {

    private final JdbcClient jdbc;

    Audiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param scope the store scope of the person asking (empty for an owner)
     * @param zone  the time zone the purchase dates are days in
     */
    @Transactional(readOnly = true)
    public AudienceCount count(AudienceFilter filter, Optional<Long> scope, ZoneId zone) {
        if (!filter.narrows()) {
            return countEveryone(scope.orElse(filter.storeId()));
        }
        Map<LeftOutReason, Integer> leftOut = new EnumMap<>(LeftOutReason.class);
        int[] in = {0};
        query("select bucket, count(*) as n from classified group by bucket", filter, scope, zone)
                .query(rs -> {
                    String bucket = rs.getString("bucket");
                    int n = rs.getInt("n");
                    if (bucket.equals("IN")) {
                        in[0] = n;
                    } else {
                        leftOut.put(LeftOutReason.valueOf(bucket), n);
                    }
                });
        return new AudienceCount(in[0], leftOut);
    }

    /**
     * Every client of a store or (null) of the chain, counted without classifying them one by one: the client book
     * keeps per store how many are reachable by e-mail and why the others are not (ADR 0122), and only the bounced
     * addresses, a short list, are matched against clients here. The same answer as the classification, which the
     * tests hold it to.
     */
    private AudienceCount countEveryone(Long store) {
        Map<LeftOutReason, Integer> leftOut = new EnumMap<>(LeftOutReason.class);
        int[] reachable = {0};
        jdbc.sql("""
                select state, sum(clients) from customer_email_reach_counts
                 where cast(:store as bigint) is null or store_id = :store
                 group by state
                """)
                .param("store", store)
                .query(rs -> {
                    int n = rs.getInt(2);
                    if (rs.getString(1).equals("REACHABLE")) {
                        reachable[0] = n;
                    } else if (n > 0) {
                        leftOut.put(LeftOutReason.valueOf(rs.getString(1)), n);
                    }
                });
        int bounced = jdbc.sql("""
                select count(*) from undeliverable_address u
                  join customer_directory c on lower(btrim(c.email)) = u.email
                  join customer_email_consent k on k.customer_id = c.id and k.granted
                 where position('@' in c.email) > 0
                   and (cast(:store as bigint) is null or c.store_id = :store)
                """)
                .param("store", store).query(Integer.class).single();
        if (bounced > 0) {
            leftOut.put(LeftOutReason.UNDELIVERABLE, bounced);
        }
        return new AudienceCount(reachable[0] - bounced, leftOut);
    }

    /** The clients the e-mail goes to, by id. */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(AudienceFilter filter, Optional<Long> scope, ZoneId zone) {
        List<Recipient> list = new ArrayList<>();
        query("""
                select id, store_id, first_name, last_name, email, language, associate_id
                  from classified where bucket = 'IN' order by id
                """, filter, scope, zone)
                .query(rs -> {
                    list.add(new Recipient(rs.getLong("id"), rs.getLong("store_id"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("email").strip(),
                            Language.fromCode(rs.getString("language")).orElse(Language.EN),
                            rs.getObject("associate_id", Long.class)));
                });
        return list;
    }

    /**
     * Who a campaign's letters go to: the clients of the audience whose current postal consent is granted and who
     * have a street line and a town, and how many are left out and why ({@link LeftOutReason#NO_ADDRESS} meaning no
     * postal address here).
     */
    @Transactional(readOnly = true)
    public LetterAudience letters(AudienceFilter filter, Optional<Long> scope, ZoneId zone) {
        Map<LeftOutReason, Integer> leftOut = new EnumMap<>(LeftOutReason.class);
        query("select bucket, count(*) as n from classified where bucket <> 'IN' group by bucket", filter, scope,
                zone, true)
                .query(rs -> {
                    leftOut.put(LeftOutReason.valueOf(rs.getString("bucket")), rs.getInt("n"));
                });
        List<LetterRecipient> list = new ArrayList<>();
        query("""
                select id, store_id, first_name, last_name, language, associate_id, address_line1, address_line2,
                       postal_code, city, region, country
                  from classified where bucket = 'IN' order by id
                """, filter, scope, zone, true)
                .query(rs -> {
                    list.add(new LetterRecipient(rs.getLong("id"), rs.getLong("store_id"),
                            rs.getString("first_name"), rs.getString("last_name"),
                            new PostalAddress(rs.getString("address_line1"), rs.getString("address_line2"),
                                    rs.getString("postal_code"), rs.getString("city"), rs.getString("region"),
                                    rs.getString("country")),
                            Language.fromCode(rs.getString("language")).orElse(Language.EN),
                            rs.getObject("associate_id", Long.class)));
                });
        return new LetterAudience(list, leftOut);
    }

    /**
     * Clients with e-mail consent in force in the same stores as the campaign who were not sent it: the comparison
     * group for its results.
     */
    @Transactional(readOnly = true)
    public List<Long> consentingNotInvited(long campaignId, Long storeId, Optional<Long> scope) {
        Long store = scope.orElse(storeId);
        return jdbc.sql("""
                with k as (select customer_id, granted from customer_email_consent)
                select c.id from customer_directory c join k on k.customer_id = c.id and k.granted
                 where (cast(:store as bigint) is null or c.store_id = :store)
                   and not exists (select 1 from campaign_recipient r
                                    where r.campaign_id = :campaign and r.customer_id = c.id)
                """)
                .param("store", store).param("campaign", campaignId).query(Long.class).list();
    }

    private JdbcClient.StatementSpec query(String select, AudienceFilter f, Optional<Long> scope, ZoneId zone) {
        return query(select, f, scope, zone, false);
    }

    /**
     * @param post classify by postal consent and postal address (letters) instead of e-mail consent and address
     */
    private JdbcClient.StatementSpec query(String select, AudienceFilter f, Optional<Long> scope, ZoneId zone,
                                           boolean post) {
        // The consent and purchase aggregates are hashed over a million clients: give this transaction's statement
        // the memory to do it without spilling to disk (SET LOCAL ends with the transaction).
        jdbc.sql("set local work_mem = '64MB'").update();
        Long store = f.storeId();
        if (scope.isPresent()) {
            store = scope.get();
        }
        List<String> where = new ArrayList<>();
        where.add("true");
        if (store != null) {
            where.add("c.store_id = :store");
        }
        if (!f.tags().isEmpty()) {
            where.add("""
                    exists (select 1 from customer_tags t where t.customer_id = c.id
                             and lower(t.tag) = any(cast(:tags as text[])))""");
        }
        if (!f.languages().isEmpty()) {
            where.add("c.language = any(cast(:languages as text[]))");
        }
        if (!f.segments().isEmpty()) {
            where.add("""
                    exists (select 1 from %s s where s.customer_id = c.id
                             and s.segment = any(cast(:segments as text[])))""".formatted(Segments.SQL_VIEW));
        }
        String purchasesJoin = "";
        if (f.needsPurchases()) {
            purchasesJoin = """
                     left join (select customer_id, net_spend as spend, last_purchase_at as last_at
                                  from purchase_client_figures) p
                            on p.customer_id = c.id""";
            if (f.lastPurchaseFrom() != null) {
                where.add("p.last_at >= :lastFrom");
            }
            if (f.lastPurchaseTo() != null) {
                where.add("p.last_at < :lastTo");
            }
            if (f.spendMin() != null) {
                where.add("coalesce(p.spend, 0) >= :spendMin");
            }
            if (f.spendMax() != null) {
                where.add("coalesce(p.spend, 0) <= :spendMax");
            }
        }
        // A letter needs a street line and a town; consent is the newest POST decision, as e-mail's is for EMAIL.
        String bucket = post ? """
                           case when not coalesce(k.granted, false) then
                                    case when coalesce(k.ever, false) then 'WITHDRAWN' else 'NO_CONSENT' end
                                when btrim(c.address_line1) = '' or btrim(c.city) = '' then 'NO_ADDRESS'
                                else 'IN' end as bucket""" : """
                           case when not coalesce(k.granted, false) then
                                    case when coalesce(k.ever, false) then 'WITHDRAWN' else 'NO_CONSENT' end
                                when c.email is null or position('@' in c.email) = 0 then 'NO_ADDRESS'
                                when u.email is not null then 'UNDELIVERABLE'
                                else 'IN' end as bucket""";
        String sql = """
                with k as (
                    select customer_id, granted, ever_granted as ever from %s),
                classified as (
                    select c.id, c.store_id, c.first_name, c.last_name, c.email, c.language, c.associate_id,
                           c.address_line1, c.address_line2, c.postal_code, c.city, c.region, c.country,
                %s
                      from customer_directory c
                      left join k on k.customer_id = c.id
                      %s
                      %s
                     where %s)
                """.formatted(post ? "customer_post_consent" : "customer_email_consent", bucket,
                post ? "" : "left join undeliverable_address u on u.email = lower(btrim(c.email))",
                purchasesJoin, String.join("\n and ", where)) + select;
        var spec = jdbc.sql(sql);
        if (store != null) {
            spec = spec.param("store", store);
        }
        if (!f.tags().isEmpty()) {
            spec = spec.param("tags", f.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT))
                    .toArray(String[]::new));
        }
        if (!f.languages().isEmpty()) {
            spec = spec.param("languages", f.languages().stream().map(Language::code).toArray(String[]::new));
        }
        if (!f.segments().isEmpty()) {
            spec = spec.param("segments", f.segments().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.lastPurchaseFrom() != null) {
            spec = spec.param("lastFrom", Timestamp.from(f.lastPurchaseFrom().atStartOfDay(zone).toInstant()));
        }
        if (f.lastPurchaseTo() != null) {
            spec = spec.param("lastTo", Timestamp.from(f.lastPurchaseTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.spendMin() != null) {
            spec = spec.param("spendMin", f.spendMin());
        }
        if (f.spendMax() != null) {
            spec = spec.param("spendMax", f.spendMax());
        }
        return spec;
    }
}
