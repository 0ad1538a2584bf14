package org.ruleone.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.customers.PostalAddress;

/**
 * Puts a postal address in the order the destination country's post expects: the recipient, the street lines,
 * then the town line with the postal code where that country puts it (before the town in France, Poland, Germany
 * and most of Europe; after the town and state in the US; on a line of its own after the town in the UK), and the
 * destination country in capitals, in the sender's language, only when the letter goes abroad.
 */
public final class AddressFormat {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            CODES.put(code.toLowerCase(Locale.ROOT), code);
            CODES.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
            for (String language : List.of("en", "fr", "pl", "de")) {
                CODES.put(fold(country.getDisplayCountry(Locale.forLanguageTag(language))), code);
            }
        }
        Map.of("uk", "GB", "great britain", "GB", "england", "GB", "scotland", "GB", "wales", "GB",
                "northern ireland", "GB", "usa", "US", "u.s.a.", "US", "united states of america", "US",
                "eire", "IE").forEach(CODES::put);
        CODES.put("u.s.", "US");
        CODES.put("rsa", "ZA");
        CODES.put("deutschland", "DE");
        CODES.put("polska", "PL");
    }

    private AddressFormat() {
    }

    /** The ISO 3166 code of a country given as a code or a name (English, French, Polish, German); "" if unknown. */
    public static String countryCode(String country) {
        if (country == null || country.isBlank()) {
            return "";
        }
        return CODES.getOrDefault(fold(country), "");
    }

    /**
     * The lines to print, empty lines left out.
     *
     * @param senderCountry the country the letter is posted in (a code or a name)
     * @param senderLocale  the language the destination country is named in when it goes abroad
     */
    public static List<String> lines(String name, PostalAddress address, String senderCountry, Locale senderLocale) {
        List<String> lines = new ArrayList<>();
        add(lines, name);
        add(lines, address.line1());
        add(lines, address.line2());
        String to = countryCode(address.country());
        String city = address.city();
        String postal = address.postalCode();
        String region = address.region();
        switch (to) {
            case "US", "CA", "AU" -> add(lines, join(join(city, region, ", "), postal, " "));
            case "GB", "IE" -> {
                add(lines, city.toUpperCase(Locale.ROOT));
                add(lines, region);
                add(lines, postal.toUpperCase(Locale.ROOT));
            }
            case "FR" -> add(lines, join(postal, city.toUpperCase(Locale.FRENCH), " "));
            default -> {
                add(lines, join(postal, city, " "));
                add(lines, region);
            }
        }
        String from = countryCode(senderCountry);
        boolean abroad = !address.country().isBlank()
                && (to.isEmpty() || from.isEmpty() ? !fold(address.country()).equals(fold(senderCountry))
                : !to.equals(from));
        if (abroad) {
            String named = to.isEmpty() ? address.country()
                    : Locale.of("", to).getDisplayCountry(senderLocale);
            add(lines, named.toUpperCase(senderLocale));
        }
        return lines;
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line.strip());
        }
    }

    private static String join(String a, String b, String separator) {
        a = a == null ? "" : a.strip();
        b = b == null ? "" : b.strip();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + separator + b;
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
