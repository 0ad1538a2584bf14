package org.ruleone.paper;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.PostalAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LettersTests {

    private final Letters letters = new Letters();

    private static Letter letter(List<String> recipient, String greeting, String signature) {
        return new Letter(Letters.returnAddress("Maison Hélène", "12 rue de la Paix, 75002 Paris"), "22 novembre 2026",
                recipient, greeting, "Soirée chaussures",
                List.of("Les nouveaux mocassins sont arrivés ; venez les essayer autour d’une coupe.",
                        "Nous serions ravis de vous accueillir."),
                List.of("Quand : jeudi 3 décembre 2026, 18:30", "Où : 12 rue de la Paix"), "Bien cordialement,",
                signature);
    }

    @Test
    void anA4LetterPutsTheAddressInsideTheDlRightWindowWithPolishAndFrenchLettersIntact() {
        List<String> polish = AddressFormat.lines("Zofia Żak", new PostalAddress("ul. Świętokrzyska 12", "m. 4",
                "90-001", "Łódź", "", "Polska"), "FR", Locale.FRENCH);
        List<String> french = AddressFormat.lines("Élise Durand", new PostalAddress("3 allée des Érables", "",
                "69003", "Lyon", "", "France"), "FR", Locale.FRENCH);
        PdfText pdf = new PdfText(letters.render(List.of(letter(polish, "Dzień dobry, Zofia,", "Anna Kowalska"),
                letter(french, "Bonjour Élise,", "Bruno Lefèvre")), LetterFormat.A4_DL_RIGHT_WINDOW));

        assertThat(pdf.pageSizes).hasSize(2);
        assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(Size.mm(210), within(0.01f));
        assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(Size.mm(297), within(0.01f));
        assertThat(polish).containsExactly("Zofia Żak", "ul. Świętokrzyska 12", "m. 4", "90-001 Łódź", "POLOGNE");
        LabelSheet.Box window = LetterFormat.A4_DL_RIGHT_WINDOW.window();
        for (String line : polish) {
            PdfText.Run run = pdf.only(line);
            assertThat(run.page()).isEqualTo(1);
            assertThat(run.inside(window)).as(line + " at " + run + " inside " + window).isTrue();
        }
        for (String line : french) {
            PdfText.Run run = pdf.only(line);
            assertThat(run.page()).isEqualTo(2);
            assertThat(run.inside(window)).as(line + " at " + run).isTrue();
        }
        assertThat(pdf.only("Dzień dobry, Zofia,").page()).isEqualTo(1);
        assertThat(pdf.only("Anna Kowalska").page()).isEqualTo(1);
        assertThat(pdf.only("Bruno Lefèvre").page()).isEqualTo(2);
        assertThat(pdf.all).contains("Maison Hélène", "arrivés ; venez", "Où : 12 rue de la Paix");
        // Nothing else is printed in the window: only the address shows through it.
        pdf.runs.stream().filter(r -> !polish.contains(r.text()) && !french.contains(r.text()))
                .forEach(r -> assertThat(r.baseline() < window.top() || r.top() > window.bottom()
                        || r.right() < window.left()).as(r + " clear of the window").isTrue());
    }

    @Test
    void aUsLetterPutsALongAddressInsideTheNumber10WindowByShrinkingIt() {
        List<String> address = List.of("Mrs. Margaret Elizabeth Worthington-Smythe", "Apartment 12B",
                "1234 Extraordinarily Long Avenue Name Northwest", "Building C, Floor 7", "Springfield, IL 62704",
                "UNITED STATES");
        PdfText pdf = new PdfText(letters.render(List.of(letter(address, "Dear Margaret,", "Kim Lee")),
                LetterFormat.US_LETTER_10_WINDOW));

        assertThat(pdf.pageSizes).hasSize(1);
        assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(Size.inch(8.5), within(0.01f));
        assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(Size.inch(11), within(0.01f));
        for (String line : address) {
            PdfText.Run run = pdf.only(line);
            assertThat(run.inside(LetterFormat.US_LETTER_10_WINDOW.window())).as(line + " at " + run).isTrue();
        }
    }

    @Test
    void theLetterSizeFollowsTheStoresCountry() {
        assertThat(LetterFormat.forCountry("US")).isEqualTo(LetterFormat.US_LETTER_10_WINDOW);
        assertThat(LetterFormat.forCountry("United States")).isEqualTo(LetterFormat.US_LETTER_10_WINDOW);
        assertThat(LetterFormat.forCountry("FR")).isEqualTo(LetterFormat.A4_DL_RIGHT_WINDOW);
        assertThat(LetterFormat.forCountry("Polska")).isEqualTo(LetterFormat.A4_DL_RIGHT_WINDOW);
    }
}
