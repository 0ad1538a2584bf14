package org.ruleone.customers.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSearchTests {

    @Test
    void readsPhoneDigitsWithoutLeadingZerosOrPlus() {
        assertThat(ClientSearch.phoneDigits("020 7946 0000")).isEqualTo("2079460000");
        assertThat(ClientSearch.phoneDigits("+44 (0)20 7946")).isEqualTo("44207946");
        assertThat(ClientSearch.phoneDigits("06.12.34.56.78")).isEqualTo("612345678");
    }

    @Test
    void treatsNamesAndShortNumbersAsNoPhoneNumber() {
        assertThat(ClientSearch.phoneDigits("Smith 0207")).isEmpty();
        assertThat(ClientSearch.phoneDigits("123")).isEmpty();
    }

    @Test
    void escapesWildcardsTypedInAnEmailAddress() {
        assertThat(ClientSearch.escapeLike("john_smith%@x")).isEqualTo("john\\_smith\\%@x");
    }
}
