package org.ruleone.training;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.training.internal.IdentityRemoval;
import org.ruleone.training.internal.IdentityRemoval.Identity;
import org.ruleone.training.internal.IdentityRemoval.Replacements;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRemovalTests {

    static final Identity KOWALSKA = new Identity("Anna Maria", "Kowalska-Nowak", "anna.k@example.pl",
            "+48 601 234 567", List.of("ul. Długa 5/7", "", "00-238"));
    static final Replacements WORDS = new Replacements("klient", "[e-mail]", "[telefon]", "[adres]");

    @Test
    void replacesNamesWithTheirTitlesInAnyCaseAndOrder() {
        String text = "Pani Kowalska-Nowak dzwoniła. KOWALSKA Anna Maria prosi o zwrot; Anna chce też buty.";

        assertThat(IdentityRemoval.remove(text, KOWALSKA, WORDS))
                .isEqualTo("klient dzwoniła. klient prosi o zwrot; klient chce też buty.");
    }

    @Test
    void replacesAnyEmailAndPhoneLikeNumberButKeepsShortNumbers() {
        String text = "Pisz na anna.k@example.pl lub inny@adres.com, dzwoń 601-234-567 albo (22) 628 12 34. "
                + "Kupiła 4 opony za 1200 zł.";

        assertThat(IdentityRemoval.remove(text, KOWALSKA, WORDS))
                .isEqualTo("Pisz na [e-mail] lub [e-mail], dzwoń [telefon] albo [telefon]. Kupiła 4 opony za 1200 zł.");
    }

    @Test
    void replacesTheAddressLinesAndPostalCode() {
        assertThat(IdentityRemoval.remove("Mieszka przy ul. Długa 5/7, 00-238 Warszawa.", KOWALSKA, WORDS))
                .isEqualTo("Mieszka przy [adres], [adres] Warszawa.");
    }

    @Test
    void leavesWordsThatOnlyContainTheName() {
        Identity ann = new Identity("Ann", "Lee", "", "", List.of());

        assertThat(IdentityRemoval.remove("Annual sale for Ann; Leeds branch.", ann, WORDS))
                .isEqualTo("Annual sale for klient; Leeds branch.");
    }
}
