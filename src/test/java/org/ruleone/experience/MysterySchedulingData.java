package org.ruleone.experience;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the shopper and scheduling tests need: a checklist in use, shoppers, and the mails the outbox holds. */
final class MysterySchedulingData {

    static final Pattern LINK = Pattern.compile("/mystery/([A-Za-z0-9_-]{43})\n");

    private MysterySchedulingData() {
    }

    /** A checklist with one version of one yes/no item, as the checklist editor would store it; its version id. */
    static long checklist(JdbcClient jdbc, String name, boolean archived) {
        Timestamp now = Timestamp.from(Instant.now());
        long checklist = jdbc.sql("""
                insert into mystery_checklist (name, archived, created_at) values (:name, :archived, :now) returning id
                """).param("name", name + " " + UUID.randomUUID().toString().substring(0, 6))
                .param("archived", archived).param("now", now).query(Long.class).single();
        long version = jdbc.sql("""
                insert into mystery_checklist_version (checklist_id, version, created_at) values (:c, 1, :now)
                returning id""").param("c", checklist).param("now", now).query(Long.class).single();
        long section = jdbc.sql("""
                insert into mystery_section (version_id, position, title_en) values (:v, 1, 'Welcome') returning id""")
                .param("v", version).query(Long.class).single();
        jdbc.sql("""
                insert into mystery_item (version_id, section_id, position, item_key, text_en, answer_type, weight)
                values (:v, :s, 1, 'greeted', 'Greeted on entry', 'YES_NO', 1)""")
                .param("v", version).param("s", section).update();
        return version;
    }

    /** A friend of the store paid money per visit (in the store's currency), added by {@code by}. */
    static long shopper(MysteryShoppers shoppers, long store, String name, Language language, BigDecimal reward,
                        long by) {
        return shoppers.add(new MysteryShopperDraft(store, name, email(name), language, MysteryShopperKind.FRIEND,
                null, MysteryReward.money(reward, null)), Optional.empty(), by);
    }

    static String email(String name) {
        return name.toLowerCase().replaceAll("[^a-z]", ".") + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.com";
    }

    record Mail(String key, String to, String subject, String text, String replyTo) {

        String token() {
            Matcher m = LINK.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link in " + text);
            }
            return m.group(1);
        }
    }

    /** The mails queued for a visit, oldest first. */
    static List<Mail> mails(JdbcClient jdbc, long visitId) {
        return jdbc.sql("""
                select dedupe_key, to_address, subject, text_body, reply_to_address from mail_outbox
                 where dedupe_key like :key order by id""")
                .param("key", "mystery-visit:" + visitId + ":%")
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
