package org.ruleone.customers.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAddressesTests {

    @Test
    void writesOneLondonNumberTheSameHoweverItIsWritten() {
        assertThat(ContactAddresses.phone("+44 20 7946 0000", "GB")).contains("+442079460000");
        assertThat(ContactAddresses.phone("+44 (0)20 7946 0000", "GB")).contains("+442079460000");
        assertThat(ContactAddresses.phone("020 7946 0000", "GB")).contains("+442079460000");
        assertThat(ContactAddresses.phone("0044 20 7946 0000", "FR")).contains("+442079460000");
        assertThat(ContactAddresses.phone("+44 (0)20 7946 0000", "PL")).contains("+442079460000");
    }

    @Test
    void readsANationalNumberWithTheStoresCountry() {
        assertThat(ContactAddresses.phone("06 12 34 56 78", "FR")).contains("+33612345678");
        assertThat(ContactAddresses.phone("612 345 678", "PL")).contains("+48612345678");
    }

    @Test
    void keepsTheDigitsOfANumberItCannotRead() {
        assertThat(ContactAddresses.phone("020 7946 0000", null)).contains("02079460000");
        assertThat(ContactAddresses.phone("+999 123 456", "GB")).contains("999123456");
        assertThat(ContactAddresses.phone("12", "GB")).isEmpty();
        assertThat(ContactAddresses.phone("  ", "GB")).isEmpty();
    }

    @Test
    void writesAnEmailAddressInLowerCaseWithoutSpaces() {
        assertThat(ContactAddresses.email("  Jean.Dupont@Example.FR ")).contains("jean.dupont@example.fr");
        assertThat(ContactAddresses.email(" ")).isEmpty();
    }

    @Test
    void readsAStoresCountryAsACodeOrAName() {
        assertThat(ContactAddresses.region("GB")).isEqualTo("GB");
        assertThat(ContactAddresses.region("fr")).isEqualTo("FR");
        assertThat(ContactAddresses.region("United Kingdom")).isEqualTo("GB");
        assertThat(ContactAddresses.region("UK")).isEqualTo("GB");
        assertThat(ContactAddresses.region("Royaume-Uni")).isEqualTo("GB");
        assertThat(ContactAddresses.region("Polska")).isEqualTo("PL");
        assertThat(ContactAddresses.region("Wielka Brytania")).isEqualTo("GB");
        assertThat(ContactAddresses.region("France")).isEqualTo("FR");
        assertThat(ContactAddresses.region("Atlantis")).isNull();
        assertThat(ContactAddresses.region("")).isNull();
    }
}
