package org.ruleone.customers;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whole client books in one read, with each client's preference tags and important dates, for screens that sort
 * and filter a book (the associate's home screen). {@link ClientBook#bookOf} lists names only.
 */
@Service
public class ClientRoster {

    /** A client of a book with what a book screen sorts, filters and reminds by. */
    public record Member(long id, long storeId, String externalId, String firstName, String lastName, String email,
                         String phone, Language language, List<String> tags, List<ImportantDate> dates) {

        public String displayName() {
            String name = (firstName + " " + lastName).strip();
            return name.isEmpty() && externalId != null ? "#" + externalId : name;
        }
    }

    private final JdbcClient jdbc;

    ClientRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every client kept by this associate, by last name. */
    public List<Member> bookOf(long associateId) {
        return jdbc.sql("""
                select c.id, c.store_id, c.external_id, c.first_name, c.last_name, c.email, c.phone, c.language,
                       coalesce((select array_agg(t.tag order by lower(t.tag)) from customer_tag t
                                  where t.customer_id = c.id), '{}') as tags,
                       coalesce((select array_agg(d.kind || '|' || d.month || '|' || d.day || '|'
                                                  || coalesce(d.year::text, '') || '|' || d.label
                                                  order by d.month, d.day, d.id)
                                   from customer_date d where d.customer_id = c.id), '{}') as dates
                  from customer c where c.associate_id = :associate
                 order by lower(c.last_name), lower(c.first_name), c.id
                """)
                .param("associate", associateId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getLong("store_id"), rs.getString("external_id"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                        rs.getString("phone"), Language.fromCode(rs.getString("language")).orElse(Language.EN),
                        Arrays.asList((String[]) rs.getArray("tags").getArray()),
                        dates((String[]) rs.getArray("dates").getArray())))
                .list();
    }

    private static List<ImportantDate> dates(String[] encoded) {
        List<ImportantDate> dates = new ArrayList<>(encoded.length);
        for (String e : encoded) {
            String[] f = e.split("\\|", 5);
            dates.add(new ImportantDate(DateKind.valueOf(f[0]), f[4],
                    MonthDay.of(Integer.parseInt(f[1]), Integer.parseInt(f[2])),
                    f[3].isEmpty() ? null : Integer.valueOf(f[3])));
        }
        return dates;
    }
}
