package org.ruleone.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApologiesTests {

    @Test
    void recognisesAnApologyInEnglishFrenchAndPolish() {
        assertThat(Apologies.in("So sorry about the zip, bring the coat in.")).isTrue();
        assertThat(Apologies.in("We apologise for the wait.")).isTrue();
        assertThat(Apologies.in("Please accept our apologies.")).isTrue();
        assertThat(Apologies.in("Nous sommes désolés pour ce retard.")).isTrue();
        assertThat(Apologies.in("Toutes nos excuses, Madame.")).isTrue();
        assertThat(Apologies.in("Przepraszamy za kłopot.")).isTrue();
        assertThat(Apologies.in("Bardzo żałujemy, że tak wyszło.")).isTrue();
        assertThat(Apologies.in("PRZEPRASZAM!")).isTrue();
    }

    @Test
    void plainAnswersAreNotApologies() {
        assertThat(Apologies.in("Your coat is ready on Monday.")).isFalse();
        assertThat(Apologies.in("Votre manteau est prêt lundi.")).isFalse();
        assertThat(Apologies.in("Płaszcz będzie gotowy w poniedziałek.")).isFalse();
        assertThat(Apologies.in("")).isFalse();
        assertThat(Apologies.in(null)).isFalse();
    }
}
