package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes mystery-shopping rows straight into the V121 tables, for tests of what reads them: checklists, versions,
 * sections, items, shoppers, visits in any status with their accepted scores, and answers.
 */
public final class MysteryRows {

    private final JdbcClient jdbc;

    public MysteryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long checklist(String name) {
        return jdbc.sql("insert into mystery_checklist (name, created_at) values (:name, now()) returning id")
                .param("name", name).query(Long.class).single();
    }

    public long version(long checklistId, int version) {
        return jdbc.sql("""
                insert into mystery_checklist_version (checklist_id, version, created_at)
                values (:c, :v, now()) returning id""")
                .param("c", checklistId).param("v", version).query(Long.class).single();
    }

    public long section(long versionId, int position, String en, String fr, String pl) {
        return jdbc.sql("""
                insert into mystery_section (version_id, position, title_en, title_fr, title_pl)
                values (:v, :p, :en, :fr, :pl) returning id""")
                .param("v", versionId).param("p", position).param("en", en).param("fr", fr).param("pl", pl)
                .query(Long.class).single();
    }

    /** An item; {@code type} YES_NO, SCALE, or NUMBER "AT_MOST 2 rings". */
    public long item(long versionId, long sectionId, int position, String key, String type, String weight, boolean critical,
              String en, String fr, String pl) {
        String[] number = type.startsWith("NUMBER") ? type.split(" ") : null;
        return jdbc.sql("""
                insert into mystery_item (version_id, section_id, position, item_key, text_en, text_fr, text_pl,
                                          answer_type, weight, critical, na_allowed, number_rule, number_target,
                                          number_unit)
                values (:v, :s, :p, :key, :en, :fr, :pl, :type, :weight, :critical, true, :rule, :target, :unit)
                returning id""")
                .param("v", versionId).param("s", sectionId).param("p", position).param("key", key)
                .param("en", en).param("fr", fr).param("pl", pl).param("type", number == null ? type : "NUMBER")
                .param("weight", new BigDecimal(weight)).param("critical", critical)
                .param("rule", number == null ? null : number[1])
                .param("target", number == null ? null : new BigDecimal(number[2]))
                .param("unit", number == null ? "" : number[3])
                .query(Long.class).single();
    }

    public long shopper(long storeId, String name) {
        return jdbc.sql("""
                insert into mystery_shopper (store_id, name, email, language, kind, reward_kind, reward_gift,
                                             created_at)
                values (:store, :name, 'shopper@example.com', 'en', 'FRIEND', 'GIFT', 'A scarf', now())
                returning id""")
                .param("store", storeId).param("name", name).query(Long.class).single();
    }

    /** A visit to one of our stores ({@code kind} OWN_STORE, business "") or to another business. */
    public long visit(long storeId, String department, String kind, String business, long versionId, long shopperId,
               long scheduledBy, String status, String visitedAt, String earned, String possible, String score,
               boolean flagged, String stoodOut) {
        Timestamp visited = Timestamp.from(Instant.parse(visitedAt));
        LocalDate day = visited.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        boolean accepted = status.equals("ACCEPTED");
        return jdbc.sql("""
                insert into mystery_visit (store_id, department, target_kind, business_name, window_from, window_to,
                                           scenario, checklist_version_id, shopper_id, status, expires_at,
                                           scheduled_by, scheduled_at, visited_at, stood_out, submitted_at,
                                           accepted_at, accepted_by, earned, possible, score, flagged, reward_kind,
                                           reward_gift, updated_at)
                values (:store, :department, :kind, :business, :from, :to, 'Ask for a size not on the floor',
                        :version, :shopper, :status, :expires, :by, :visited, :visited, :stoodOut, :visited,
                        :acceptedAt, :acceptedBy, :earned, :possible, :score, :flagged, 'GIFT', 'A scarf', :visited)
                returning id""")
                .param("store", storeId).param("department", department).param("kind", kind)
                .param("business", business).param("from", day.minusDays(3)).param("to", day.plusDays(3))
                .param("version", versionId).param("shopper", shopperId).param("status", status)
                .param("expires", Timestamp.from(visited.toInstant().plusSeconds(30L * 86400)))
                .param("by", scheduledBy).param("visited", visited).param("stoodOut", stoodOut)
                .param("acceptedAt", accepted ? visited : null).param("acceptedBy", accepted ? scheduledBy : null)
                .param("earned", earned == null ? null : new BigDecimal(earned))
                .param("possible", possible == null ? null : new BigDecimal(possible))
                .param("score", score == null ? null : new BigDecimal(score)).param("flagged", flagged)
                .query(Long.class).single();
    }

    /** An answer: {@code value} null for N/A. */
    public void answer(long visitId, long itemId, String value, String comment) {
        jdbc.sql("""
                insert into mystery_answer (visit_id, item_id, na, value, comment)
                values (:visit, :item, :na, :value, :comment)""")
                .param("visit", visitId).param("item", itemId).param("na", value == null)
                .param("value", value == null ? null : new BigDecimal(value)).param("comment", comment).update();
    }
}
