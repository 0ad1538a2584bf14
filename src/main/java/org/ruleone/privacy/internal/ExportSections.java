package org.ruleone.privacy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientDataExport;
import org.ruleone.customers.ClientIdentities;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers what every module holds about a client, in the modules' order, and leaves out of the free text the
 * names, addresses and numbers of any other client it quotes (a case message that mentions another customer),
 * so the copy shows nobody else.
 */
@Component
class ExportSections {

    static final String LEFT_OUT = "[…]";
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{6,}\\d");

    private final ObjectProvider<ClientDataExport> exports;
    private final ClientIdentities identities;

    ExportSections(ObjectProvider<ClientDataExport> exports, ClientIdentities identities) {
        this.exports = exports;
        this.identities = identities;
    }

    /** Every module's section about this client, keyed by section, other clients left out of the text. */
    Map<String, List<Map<String, Object>>> of(Client client, Language language) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        exports.orderedStream().map(e -> e.export(client.id(), language))
                .forEach(s -> sections.computeIfAbsent(s.key(), k -> new ArrayList<>()).addAll(s.items()));
        List<String> texts = new ArrayList<>();
        collect(sections.values(), texts);
        List<UnaryOperator<String>> others = others(client, identities.mentionedIn(client.id(), texts));
        if (others.isEmpty()) {
            return sections;
        }
        Map<String, List<Map<String, Object>>> redacted = new LinkedHashMap<>();
        sections.forEach((key, items) -> redacted.put(key, items.stream().map(i -> redact(i, others)).toList()));
        return redacted;
    }

    /** What to leave out: another client's full name (either order), e-mail and phone; never this client's own. */
    private static List<UnaryOperator<String>> others(Client client, List<ClientIdentities.Mention> mentions) {
        String own = fold(client.firstName() + " " + client.lastName());
        List<UnaryOperator<String>> patterns = new ArrayList<>();
        for (ClientIdentities.Mention m : mentions) {
            String first = m.firstName() == null ? "" : m.firstName().strip();
            String last = m.lastName() == null ? "" : m.lastName().strip();
            if (!first.isEmpty() && !last.isEmpty() && !fold(first + " " + last).equals(own)) {
                patterns.add(leaveOut(words(first + " " + last)));
                patterns.add(leaveOut(words(last + " " + first)));
            }
            if (m.email() != null && !m.email().isBlank() && !m.email().equalsIgnoreCase(client.email())) {
                patterns.add(leaveOut(Pattern.compile(Pattern.quote(m.email().strip()), Pattern.CASE_INSENSITIVE)));
            }
            String digits = m.phone() == null ? "" : m.phone().replaceAll("[^0-9]", "");
            String ownDigits = client.phone() == null ? "" : client.phone().replaceAll("[^0-9]", "");
            if (digits.length() >= 8 && !digits.equals(ownDigits)) {
                patterns.add(text -> redactPhone(text, digits));
            }
        }
        return patterns;
    }

    private static UnaryOperator<String> leaveOut(Pattern pattern) {
        return text -> pattern.matcher(text).replaceAll(Matcher.quoteReplacement(LEFT_OUT));
    }

    private static Pattern words(String name) {
        String[] parts = name.strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}])");
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.append("(?![\\p{L}])").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Object redact(Object value, List<UnaryOperator<String>> others) {
        if (value instanceof String text) {
            return redactText(text, others);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, redact(v, others)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> redact(v, others)).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redact(Map<String, Object> item, List<UnaryOperator<String>> others) {
        return (Map<String, Object>) redact((Object) item, others);
    }

    private static String redactText(String text, List<UnaryOperator<String>> others) {
        String out = text;
        for (UnaryOperator<String> leaveOut : others) {
            out = leaveOut.apply(out);
        }
        return out;
    }

    /** A phone number is found by its digits, however the text spaces or brackets them. */
    private static String redactPhone(String text, String digits) {
        Matcher m = PHONE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean theirs = m.group().replaceAll("[^0-9]", "").equals(digits);
            m.appendReplacement(out, Matcher.quoteReplacement(theirs ? LEFT_OUT : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
