package org.ruleone.customers.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.ruleone.customers.ClientSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds clients by name, e-mail, phone or POS number, forgiving typos and missing accents.
 *
 * <p>Four ways in, each answered by an index, so the search stays fast on a million clients:
 * <ul>
 *   <li>the folded query against the generated {@code search_text} by pg_trgm word similarity
 *       ({@code query <% search_text}, trigram GIN index): missing accents, partly typed or misspelt words;</li>
 *   <li>the soundex codes of the query's words against those of the client's names ({@code name_sounds @> …},
 *       GIN index on the array): swapped letters such as "Jhon Smiht", which share too few trigrams;</li>
 *   <li>phone digits as a substring of the stored digits (trigram GIN index through {@code LIKE});</li>
 *   <li>an exact e-mail address or POS number, which come first.</li>
 * </ul>
 */
@Repository
public class ClientSearch {

    static final int MIN_PHONE_DIGITS = 4;
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\s./-]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private final JdbcClient jdbc;

    ClientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ClientSummary> search(String query, Long scope, int limit) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String digits = phoneDigits(text);
        // Optional conditions are left out of the text rather than switched off by a parameter, so every plan,
        // generic or custom, can combine the indexes of the conditions that remain.
        String storeFilter = scope == null ? "" : "c.store_id = :scope and ";
        String soundMatch = LETTER.matcher(text).find() ? "or c.name_sounds @> ro_sounds(:text)" : "";
        String phoneMatch = digits.isEmpty() ? "" : "or c.phone_digits like '%' || :digits || '%'";
        String phoneFirst = digits.isEmpty() ? "" : "(c.phone_digits like '%' || :digits || '%') desc,";
        var statement = jdbc.sql("select " + ClientRecords.SUMMARY_COLUMNS + """
                  from customer c
                 where %s(ro_fold(:text) <%% c.search_text
                        %s
                        %s
                        or lower(c.email) = lower(:text)
                        or c.external_id = :text)
                 order by coalesce(lower(c.email) = lower(:text) or c.external_id = :text, false) desc,
                          %s
                          word_similarity(ro_fold(:text), c.search_text) desc,
                          lower(c.last_name), lower(c.first_name), c.id
                 limit :limit
                """.formatted(storeFilter, soundMatch, phoneMatch, phoneFirst))
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
     * number. Leading zeros and "+" are dropped, so "020 7946 0000" finds "+44 (0)20 7946 0000" and
     * "0044 20 7946 0000".
     */
    static String phoneDigits(String query) {
        if (!PHONE.matcher(query).matches()) {
            return "";
        }
        String digits = query.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.length() >= MIN_PHONE_DIGITS ? digits : "";
    }
}
