package org.ruleone.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ruleone.customers.internal.ClientRecords;
import org.springframework.stereotype.Service;

/**
 * What identifies a client in free text, for the erasing modules (ADR 0117): their names, e-mail address and
 * phone number, read before the client's own record becomes its pseudonym.
 */
@Service
public class ClientIdentifiers {

    private final ClientRecords records;

    ClientIdentifiers(ClientRecords records) {
        this.records = records;
    }

    public Optional<Identifiers> of(long clientId) {
        return records.find(clientId, null).map(c -> new Identifiers(
                Stream.of(c.firstName(), c.lastName()).filter(n -> n != null && n.strip().length() > 1)
                        .map(String::strip).toList(),
                Optional.ofNullable(c.email()).map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()),
                Optional.ofNullable(c.phone()).map(String::strip).filter(p -> !p.isEmpty())));
    }

    /** A client's names, e-mail address and phone number, as they were before the erasure. */
    public record Identifiers(List<String> names, Optional<String> email, Optional<String> phone) {

        /** Every identifier, the e-mail address and phone first (they may contain a name). */
        public List<String> all() {
            List<String> all = new ArrayList<>();
            email.ifPresent(all::add);
            phone.ifPresent(all::add);
            all.addAll(names);
            return all;
        }

        /**
         * A PostgreSQL regular expression matching any identifier as written, names as whole words (use with
         * {@code regexp_replace(..., 'gi')}); never matches when there is none.
         */
        public String pattern() {
            List<String> words = new ArrayList<>();
            email.map(ClientIdentifiers::quote).ifPresent(words::add);
            phone.map(ClientIdentifiers::quote).ifPresent(words::add);
            names.stream().map(ClientIdentifiers::word).forEach(words::add);
            return alternatives(words);
        }

        /**
         * Like {@link #pattern()} but only what names this client and no one else: the e-mail address, the phone
         * number and the whole name (a first name alone is shared by many).
         */
        public String strongPattern() {
            List<String> words = new ArrayList<>();
            email.map(ClientIdentifiers::quote).ifPresent(words::add);
            phone.map(ClientIdentifiers::quote).ifPresent(words::add);
            if (names.size() > 1) {
                words.add(word(String.join(" ", names)));
            }
            return alternatives(words);
        }
    }

    private static String alternatives(List<String> quoted) {
        return quoted.isEmpty() ? "a^" : String.join("|", quoted);
    }

    /** A name as a whole word only ("Al" is not the start of "Alteration"). */
    private static String word(String name) {
        return "\\m" + quote(name) + "\\M";
    }

    private static String quote(String word) {
        return Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]").matcher(word).replaceAll("\\\\$0");
    }
}
