package org.ruleone.customers.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The one written form of an e-mail address or a phone number by which a store finds its client (ADR 0087):
 * an e-mail address stripped and in lower case; a phone number in E.164 ({@code +442079460000}), read with the
 * store's country as the default region, so "+44 20 7946 0000", "+44 (0)20 7946 0000" and, in a UK store,
 * "020 7946 0000" are one number. A number libphonenumber cannot read as a possible number (an extension only,
 * a short code, a typo) is still accepted and kept as its digits alone.
 */
public final class ContactAddresses {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 4;
    private static final Locale[] NAME_LANGUAGES = {Locale.ENGLISH, Locale.FRENCH, Locale.of("pl")};
    /** Countries' names in the three languages, folded, to their codes; built once. */
    private static final Map<String, String> NAMES = names();

    private ContactAddresses() {
    }

    /** Whether a search looks like a whole phone number (digits and the signs written between them, 7 digits or more). */
    public static boolean looksLikePhone(String text) {
        return text != null && text.strip().matches("\\+?[0-9()\\s./-]+")
                && text.replaceAll("[^0-9]", "").length() >= 7;
    }

    public static Optional<String> email(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(address.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param region the store's country as an ISO 3166 code ({@link #region}), or {@code null} when unknown: then
     *               only numbers written with their country code ("+44 …") are read as E.164
     */
    public static Optional<String> phone(String number, String region) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = PHONES.parse(number, region == null ? "ZZ" : region);
            if (PHONES.isPossibleNumber(parsed)) {
                return Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException notANumber) {
            // kept as its digits below
        }
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() < MIN_DIGITS ? Optional.empty() : Optional.of(digits);
    }

    /**
     * The region a store's country names: an ISO 3166 code ("GB", "fr") or a country's name in English, French or
     * Polish ("United Kingdom", "Royaume-Uni", "Polska"), accents and case aside; {@code null} when unknown.
     */
    public static String region(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String wanted = folded(country);
        if (wanted.length() == 2 && PHONES.getSupportedRegions().contains(wanted.toUpperCase(Locale.ROOT))) {
            return wanted.toUpperCase(Locale.ROOT);
        }
        return NAMES.get(wanted);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String code : PHONES.getSupportedRegions()) {
            Locale place = Locale.of("", code);
            for (Locale language : NAME_LANGUAGES) {
                names.putIfAbsent(folded(place.getDisplayCountry(language)), code);
            }
        }
        names.put("uk", "GB");
        return Map.copyOf(names);
    }

    private static String folded(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('ł', 'l').replace('Ł', 'L').toLowerCase(Locale.ROOT);
    }
}
