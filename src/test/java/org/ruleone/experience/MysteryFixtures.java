package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ruleone.experience.internal.MysteryLinks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mystery checklists, shoppers and visits written straight into the tables (the scheduling screens are another
 * part of issue 12), and the shopper's link issued as the scheduling mail would.
 */
record MysteryFixtures(JdbcClient jdbc, MysteryLinks links) {

    /**
     * A checklist of five items in two sections; its ids by name. Weights: greeted 2 (critical), walked 1, calm 2
     * (1–5), rings 1 (at most 2 rings), bag 1 (no N/A).
     */
    record Checklist(long versionId, long greeted, long walked, long calm, long rings, long bag) {
    }

    record Visit(long id, long shopperId, String token) {
    }

    Checklist checklist(long ownerId) {
        long checklist = jdbc.sql("""
                insert into mystery_checklist (name, created_by, created_at) values (:name, :by, now()) returning id
                """).param("name", "Test checklist " + UUID.randomUUID()).param("by", ownerId).query(Long.class).single();
        long version = jdbc.sql("""
                insert into mystery_checklist_version (checklist_id, version, created_by, created_at)
                values (:c, 1, :by, now()) returning id
                """).param("c", checklist).param("by", ownerId).query(Long.class).single();
        long entering = section(version, 1, "Entering", "En entrant", "Przy wejściu");
        long paying = section(version, 2, "Paying", "En payant", "Przy płaceniu");
        long greeted = item(version, entering, 1, "greeted", "Greeted on entry", "Accueilli dès l’entrée",
                "Powitanie przy wejściu", "YES_NO", "2", true, true, null, null, "");
        long walked = item(version, entering, 2, "walked", "Walked to the item", "Accompagné jusqu’à l’article",
                "Zaprowadzony do towaru", "YES_NO", "1", false, true, null, null, "");
        long calm = item(version, paying, 3, "calm", "Calm and unhurried", "Calme et sans précipitation",
                "Spokojnie i bez pośpiechu", "SCALE", "2", false, true, null, null, "");
        long rings = item(version, paying, 4, "rings", "Phone answered", "Téléphone décroché", "Telefon odebrany",
                "NUMBER", "1", false, true, "AT_MOST", "2", "rings");
        long bag = item(version, paying, 5, "bag", "Bag handed over the counter", "Sac tendu par-dessus le comptoir",
                "Torba podana nad ladą", "YES_NO", "1", false, false, null, null, "");
        return new Checklist(version, greeted, walked, calm, rings, bag);
    }

    private long section(long version, int position, String en, String fr, String pl) {
        return jdbc.sql("""
                insert into mystery_section (version_id, position, title_en, title_fr, title_pl)
                values (:v, :p, :en, :fr, :pl) returning id
                """).param("v", version).param("p", position).param("en", en).param("fr", fr).param("pl", pl)
                .query(Long.class).single();
    }

    private long item(long version, long section, int position, String key, String en, String fr, String pl,
                      String type, String weight, boolean critical, boolean na, String rule, String target,
                      String unit) {
        return jdbc.sql("""
                insert into mystery_item (version_id, section_id, position, item_key, text_en, text_fr, text_pl,
                                          answer_type, weight, critical, na_allowed, number_rule, number_target,
                                          number_unit)
                values (:v, :s, :p, :key, :en, :fr, :pl, :type, cast(:weight as numeric), :critical, :na, :rule,
                        cast(:target as numeric), :unit) returning id
                """).param("v", version).param("s", section).param("p", position).param("key", key)
                .param("en", en).param("fr", fr).param("pl", pl).param("type", type).param("weight", weight)
                .param("critical", critical).param("na", na).param("rule", rule).param("target", target)
                .param("unit", unit).query(Long.class).single();
    }

    /** A shopper paid in money (amount in the currency given) or, with a null amount, a gift. */
    long shopper(long storeId, String name, String language, String amount, String currency, long ownerId) {
        return jdbc.sql("""
                insert into mystery_shopper (store_id, name, email, language, kind, reward_kind, reward_amount,
                                             reward_currency, reward_gift, created_by, created_at)
                values (:store, :name, :email, :lang, 'FRIEND', :kind, cast(:amount as numeric), :currency, :gift,
                        :by, now()) returning id
                """).param("store", storeId).param("name", name)
                .param("email", name.toLowerCase().replace(' ', '.') + "@example.com").param("lang", language)
                .param("kind", amount == null ? "GIFT" : "MONEY").param("amount", amount)
                .param("currency", amount == null ? null : currency)
                .param("gift", amount == null ? "A scarf" : "").param("by", ownerId).query(Long.class).single();
    }

    /** A SCHEDULED visit to our store (or, with a business name, to another business) and its link. */
    Visit visit(long storeId, Checklist checklist, long shopperId, LocalDate from, LocalDate to, Instant expires,
                String businessKind, String businessName, long managerId) {
        long visit = jdbc.sql("""
                insert into mystery_visit (store_id, department, target_kind, business_name, window_from, window_to,
                                           scenario, checklist_version_id, shopper_id, status, expires_at,
                                           scheduled_by, scheduled_at, reward_kind, reward_amount, reward_currency,
                                           reward_gift, updated_at)
                select :store, 'Shoes', :kind, :business, :from, :to, 'Ask for a size <b>not</b> on the floor',
                       :version, s.id, 'SCHEDULED', :expires, :by, now(), s.reward_kind, s.reward_amount,
                       s.reward_currency, s.reward_gift, now()
                  from mystery_shopper s where s.id = :shopper
                returning id
                """).param("store", storeId).param("kind", businessKind).param("business", businessName)
                .param("from", from).param("to", to).param("version", checklist.versionId())
                .param("expires", Timestamp.from(expires)).param("by", managerId).param("shopper", shopperId)
                .query(Long.class).single();
        return new Visit(visit, shopperId, links.issue(visit, shopperId));
    }

    String status(long visitId) {
        return jdbc.sql("select status from mystery_visit where id = :id").param("id", visitId).query(String.class)
                .single();
    }

    int answers(long visitId) {
        return jdbc.sql("select count(*) from mystery_answer where visit_id = :id").param("id", visitId)
                .query(Integer.class).single();
    }
}
