package org.ruleone.customers;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who a client is, for their rights (issue 15): the clients an e-mail address belongs to in any store (a customer's
 * own request for their data), and the other clients a text names (so that a copy of one client's data shows
 * nobody else's name, address or number).
 */
@Service
public class ClientIdentities {

    private static final Pattern WORD = Pattern.compile("[\\p{L}'-]{2,}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>()\"',;:]+@[^\\s<>()\"',;:]+\\.[\\p{L}]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{6,}\\d");
    private static final int MAX_WORDS = 20_000;

    /** A client an address belongs to, with what a mail to them needs. */
    public record AddressedClient(long id, long storeId, String email, String firstName, String lastName,
                                  Language language) {
    }

    /** Another client a text names: the words to leave out of it. */
    public record Mention(String firstName, String lastName, String email, String phone) {
    }

    private final JdbcClient jdbc;

    ClientIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The clients, in any store, whose e-mail address is this one (case does not matter), oldest first. */
    public List<AddressedClient> withEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, store_id, email, first_name, last_name, language from customer
                 where lower(email) = lower(:email) order by id
                """)
                .param("email", email.strip())
                .query((rs, n) -> new AddressedClient(rs.getLong("id"), rs.getLong("store_id"), rs.getString("email"),
                        rs.getString("first_name"), rs.getString("last_name"),
                        Language.fromCode(rs.getString("language")).orElse(Language.EN)))
                .list();
    }

    /**
     * The clients other than this one whose last name (with their first name), e-mail address or phone number the
     * texts hold. A client named by their last name alone is found too; whether the text names them is the
     * caller's to decide.
     */
    public List<Mention> mentionedIn(long clientId, Collection<String> texts) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            collect(WORD.matcher(text), words, s -> s.toLowerCase(Locale.ROOT));
            collect(EMAIL.matcher(text), emails, s -> s.toLowerCase(Locale.ROOT));
            collect(PHONE.matcher(text), phones, s -> s.replaceAll("[^0-9]", ""));
        }
        if (words.isEmpty() && emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select first_name, last_name, email, phone from customer
                 where id <> :client
                   and (ro_fold(last_name) = any (:words) or lower(email) = any (:emails)
                        or (length(phone_digits) >= 8 and phone_digits = any (:phones)))
                """)
                .param("client", clientId)
                .param("words", words.stream().limit(MAX_WORDS).map(ClientIdentities::fold).toArray(String[]::new))
                .param("emails", emails.toArray(String[]::new))
                .param("phones", phones.toArray(String[]::new))
                .query((rs, n) -> new Mention(rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("email"), rs.getString("phone")))
                .list();
    }

    private static void collect(Matcher m, Set<String> into, java.util.function.UnaryOperator<String> norm) {
        while (m.find() && into.size() < MAX_WORDS) {
            into.add(norm.apply(m.group()));
        }
    }

    /** As the database's {@code ro_fold}: lower case, accents removed. */
    private static String fold(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
