package org.ruleone.customers;

/** A postal address as the client gives it; every part may be empty. */
public record PostalAddress(String line1, String line2, String postalCode, String city, String region,
                            String country) {

    public static final PostalAddress NONE = new PostalAddress("", "", "", "", "", "");

    public PostalAddress {
        line1 = clean(line1);
        line2 = clean(line2);
        postalCode = clean(postalCode);
        city = clean(city);
        region = clean(region);
        country = clean(country);
    }

    public boolean isEmpty() {
        return (line1 + line2 + postalCode + city + region + country).isEmpty();
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
