package org.ruleone.customers.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.ruleone.customers.ClientSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds clients by name, e-mail, phone or POS number, forgiving typos and missing accents, fast on a million
 * clients.
 *
 * <p>Every way in is answered by an index:
 * <ul>
 *   <li>a name: the folded query against the generated {@code search_text} by pg_trgm word similarity
 *       ({@code query <% search_text}, trigram GIN index) for missing accents and misspelt or half-typed words,
 *       or the soundex codes of its words against those of the client's names ({@code name_sounds @> …}, GIN)
 *       for swapped letters such as "Jhon Smiht", which share too few trigrams. A name in a script without
 *       a Latin folding (Hebrew, Arabic, Cyrillic, Greek…) has no sound codes and matches by the trigrams of its
 *       own letters only;</li>
 *   <li>an e-mail address: exactly, or as a substring of {@code search_text} while it is being typed;</li>
 *   <li>a phone number: its digits as a substring of the stored digits (trigram GIN index through {@code LIKE});</li>
 *   <li>a POS number: exactly.</li>
 * </ul>
 * An exact e-mail address or POS number is the client the person is after, so it is answered alone. Other
 * matches are capped at {@link #CANDIDATES} before they are ranked by similarity: a surname shared by
 * thousands of clients would otherwise cost a similarity computation per client, and the person has to type
 * more anyway.
 */
@Repository
public class ClientSearch {

    static final int CANDIDATES = 1000;
    static final int MIN_PHONE_DIGITS = 4;
    static final int MIN_FUZZY_LENGTH = 3;
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\s./-]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

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
        // Optional conditions are left out of the text rather than switched off by a parameter, so every plan,
        // generic or custom, can use the indexes of the conditions that remain.
        String store = scope == null ? "" : "c.store_id = :scope and ";
        List<ClientSummary> exact = withScope(jdbc.sql("select " + ClientRecords.SUMMARY_COLUMNS + """
                 from customer c where %s(lower(c.email) = lower(:text) or c.external_id = :text)
                 order by c.id limit :limit
                """.formatted(store)), scope)
                .param("text", text).param("limit", limit)
                .query(ClientRecords::summary).list();
        if (!exact.isEmpty()) {
            return exact;
        }
        return similar(text, store, scope, limit);
    }

    private List<ClientSummary> similar(String text, String store, Long scope, int limit) {
        String digits = phoneDigits(text);
        // Sound codes exist only for Latin letters (after folding): a name in Hebrew, Arabic, Cyrillic or Greek has
        // none, and "every client's codes contain the empty set" would make every client a candidate.
        boolean sounds = LETTER.matcher(text).find() && jdbc.sql("select cardinality(ro_sounds(:text)) > 0")
                .param("text", text).query(Boolean.class).single();
        String condition = candidateCondition(text, digits, sounds);
        if (condition.isEmpty()) {
            return List.of();
        }
        // The capped candidate scan below looks cheap to the planner as a sequential scan that stops early;
        // on a million clients it is not, so this one transaction is told to use the indexes.
        jdbc.sql("select set_config('enable_seqscan', 'off', true)").query(String.class).single();
        var statement = withScope(jdbc.sql("""
                with candidate as materialized (
                       select c.id from customer c where %s(%s) limit :candidates)
                select %s from customer c
                 where c.id in (select id from candidate)
                 order by word_similarity(ro_fold(:text), c.search_text) desc,
                          lower(c.last_name), lower(c.first_name), c.id
                 limit :limit
                """.formatted(store, condition, ClientRecords.SUMMARY_COLUMNS)), scope)
                .param("text", text).param("limit", limit).param("candidates", CANDIDATES);
        if (!digits.isEmpty()) {
            statement = statement.param("digits", digits);
        }
        if (text.contains("@")) {
            statement = statement.param("pattern", "%" + escapeLike(text) + "%");
        }
        return statement.query(ClientRecords::summary).list();
    }

    private static JdbcClient.StatementSpec withScope(JdbcClient.StatementSpec statement, Long scope) {
        return scope == null ? statement : statement.param("scope", scope);
    }

    /**
     * How to find clients when no e-mail address or POS number matched exactly, depending on what was typed;
     * empty when too little was typed to search.
     */
    private static String candidateCondition(String text, String digits, boolean sounds) {
        if (text.contains("@")) {
            return "c.search_text like ro_fold(:pattern)";
        }
        if (!LETTER.matcher(text).find()) {
            return digits.isEmpty() ? "" : "c.phone_digits like '%' || :digits || '%'";
        }
        if (text.length() < MIN_FUZZY_LENGTH) {
            return "";
        }
        // Letters of any script match by trigrams of their own letters; sounds only where there are Latin ones.
        return sounds ? "ro_fold(:text) <% c.search_text or c.name_sounds @> ro_sounds(:text)"
                : "ro_fold(:text) <% c.search_text";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The digits to look for in stored phone numbers, or empty when the query does not look like a phone
     * number. Leading zeros, "+" and a trunk prefix written "(0)" are dropped, as they are from stored numbers,
     * so "020 7946 0000", "+44 20 7946" and "+44 (0)20 7946" all find "+44 (0)20 7946 0000".
     */
    static String phoneDigits(String query) {
        if (!PHONE.matcher(query).matches()) {
            return "";
        }
        String digits = query.replaceAll("\\(\\s*0\\s*\\)", "").replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        return digits.length() >= MIN_PHONE_DIGITS ? digits : "";
    }
}
