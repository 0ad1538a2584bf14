package org.ruleone.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTests {

    @Test
    void acceptsAnUncommonPasswordOfTwelveTo72Bytes() {
        assertThat(PasswordRules.problem("ferns under the old pier")).isEmpty();
        assertThat(PasswordRules.problem("x".repeat(72))).isEmpty();
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThat(PasswordRules.problem("eleven char")).contains("validation.password.length");
        assertThat(PasswordRules.problem(null)).contains("validation.password.length");
    }

    @Test
    void countsBytesNotCharactersForTheUpperLimit() {
        assertThat(PasswordRules.problem("x".repeat(73))).contains("validation.password.tooLong");
        // 37 letters of two bytes each: 74 bytes in UTF-8, which bcrypt would cut.
        assertThat(PasswordRules.problem("ż".repeat(37))).contains("validation.password.tooLong");
        assertThat(PasswordRules.problem("ż".repeat(36))).isEmpty();
    }

    @Test
    void refusesTheMostCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordRules.problem("qwerty123456")).contains("validation.password.common");
        assertThat(PasswordRules.problem("1QAZ2WSX3EDC")).contains("validation.password.common");
        assertThat(PasswordRules.problem("correct horse battery staple")).contains("validation.password.common");
    }
}
