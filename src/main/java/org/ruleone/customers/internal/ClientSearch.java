package org.ruleone.customers.internal;

import java.util.List;

import org.ruleone.customers.ClientSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds clients by name, e-mail, phone or POS number, forgiving typos and missing accents.
 *
 * <p>The folded query is matched against the generated {@code search_text} with pg_trgm's word similarity
 * ({@code query <% search_text}), which the trigram GIN index answers: "jhon smiht" shares enough trigrams with
 * "john smith" at a threshold of 0.3, where the default of 0.6 would miss it. Phone numbers are matched on
 * their digits (trigram index again, through {@code LIKE}); an exact e-mail or POS number comes first.
 */
@Repository
public class ClientSearch {

    /** Low enough for two typos in a first and last name, high enough to keep the candidate set small. */
    static final String WORD_SIMILARITY_THRESHOLD = "0.3";
    static final int MIN_PHONE_DIGITS = 4;

    private final JdbcClient jdbc;

    ClientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ClientSummary> search(String query, Long scope, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String digits = phoneDigits(text);
        // Scoped to this transaction, so other queries on the pooled connection keep the default.
        jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                .param("threshold", WORD_SIMILARITY_THRESHOLD).query(String.class).single();
        // Optional conditions are left out of the text rather than switched off by a parameter, so every plan,
        // generic or custom, can combine the indexes of the remaining conditions.
        String phoneMatch = digits.isEmpty() ? "false" : "c.phone_digits like '%' || :digits || '%'";
        String storeFilter = scope == null ? "" : "c.store_id = :scope and ";
        var statement = jdbc.sql("select " + ClientRecords.SUMMARY_COLUMNS + """
                  from customer c
                 where %s(ro_fold(:text) <%% c.search_text
                        or %s
                        or lower(c.email) = lower(:text)
                        or c.external_id = :text)
                 order by (lower(c.email) = lower(:text) or c.external_id = :text) desc,
                          %s desc,
                          word_similarity(ro_fold(:text), c.search_text) desc,
                          lower(c.last_name), lower(c.first_name), c.id
                 limit :limit
                """.formatted(storeFilter, phoneMatch, phoneMatch))
                .param("text", text).param("limit", limit);
        if (scope != null) {
            statement = statement.param("scope", scope);
        }
        if (!digits.isEmpty()) {
            statement = statement.param("digits", digits);
        }
        return statement.query(ClientRecords::summary).list();
    }

    /**
     * The digits to look for in stored phone numbers, or empty when the query does not look like a phone
     * number. A trunk prefix written "(0)" and leading zeros or "+" are dropped, so "+44 (0)20 7946 0000",
     * "020 7946 0000" and "0044 20 7946 0000" all find 00442079460000.
     */
    static String phoneDigits(String query) {
        String withoutTrunk = query.replace("(0)", "");
        if (!withoutTrunk.matches("[0-9+()\\s./-]+")) {
            return "";
        }
        String digits = withoutTrunk.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.length() >= MIN_PHONE_DIGITS ? digits : "";
    }
}
