package org.ruleone.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.PostalAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaperPrinterTests {

    private final PaperPrinter printer = new PaperPrinter();

    @Test
    void printsAPosterWhoseCodeScansToItsAddressOnA4AndLetter() {
        String url = "https://shop.example/survey/store/s1.MTI.1893456000.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        for (PosterFormat format : PosterFormat.values()) {
            byte[] bytes = printer.qrPoster(new QrPoster("Jak minęła Twoja wizyta?",
                    "Zeskanuj kod telefonem i w minutę powiedz o tym sklepowi Łódź Piotrkowska.", url,
                    "Łódź Piotrkowska"), format);
            PdfText pdf = new PdfText(bytes);

            assertThat(QrCodes.scan(bytes)).as(format.name()).isEqualTo(url);
            assertThat(pdf.pageSizes).singleElement().satisfies(size -> {
                assertThat(size[0]).isCloseTo(format.sheet().width(), within(0.01f));
                assertThat(size[1]).isCloseTo(format.sheet().height(), within(0.01f));
            });
            assertThat(pdf.all).contains("Jak minęła Twoja wizyta?").contains("Łódź Piotrkowska");
            assertThat(pdf.all.replaceAll("\\s", "")).contains(url);
        }
        assertThat(PosterFormat.forCountry("US")).isEqualTo(PosterFormat.LETTER);
        assertThat(PosterFormat.forCountry("PL")).isEqualTo(PosterFormat.A4);
    }

    @Test
    void eachLabelOfAnL7160SheetLandsInsideItsOwnRectangle() {
        List<List<String>> addresses = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            addresses.add(List.of("Client " + i, i + " Rue de la Paix", (75000 + i) + " PARIS"));
        }
        PdfText pdf = new PdfText(printer.labels(addresses, LabelSheet.AVERY_L7160, 0));

        assertThat(pdf.pageSizes).hasSize(2);
        assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(Size.mm(210), within(0.01f));
        assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(Size.mm(297), within(0.01f));
        for (int i = 1; i <= 21; i++) {
            LabelSheet.Box box = LabelSheet.AVERY_L7160.label(i - 1);
            for (String line : addresses.get(i - 1)) {
                PdfText.Run run = pdf.only(line);
                assertThat(run.page()).isEqualTo(1);
                assertThat(run.inside(box)).as("%s inside label %d %s: %s", line, i, box, run).isTrue();
            }
        }
        // The 22nd address starts the second sheet at its first label.
        assertThat(pdf.only("Client 22").page()).isEqualTo(2);
        assertThat(pdf.only("Client 22").inside(LabelSheet.AVERY_L7160.label(0))).isTrue();
    }

    @Test
    void theL7160AndAvery5160GeometryMatchesTheMakersSheets() {
        LabelSheet.Box first = LabelSheet.AVERY_L7160.label(0);
        assertThat(first.left()).isCloseTo(Size.mm(7.2), within(0.01f));
        assertThat(first.top()).isCloseTo(Size.mm(15.15), within(0.01f));
        LabelSheet.Box eighth = LabelSheet.AVERY_L7160.label(7);
        assertThat(eighth.left()).isCloseTo(Size.mm(7.2 + 66.04), within(0.01f));
        assertThat(eighth.top()).isCloseTo(Size.mm(15.15 + 2 * 38.1), within(0.01f));
        LabelSheet.Box last = LabelSheet.AVERY_L7160.label(20);
        // 3 × 63.5 + 2 × 2.54 + 2 × 7.2 = 209.98 mm: both side margins are 7.2 mm to within 0.02 mm.
        assertThat(Size.mm(210) - last.right()).isCloseTo(Size.mm(7.2), within(Size.mm(0.03)));
        assertThat(last.bottom()).isCloseTo(Size.mm(297 - 15.15), within(0.05f));

        LabelSheet.Box us = LabelSheet.AVERY_5160.label(29);
        assertThat(us.right()).isCloseTo(Size.inch(8.5 - 0.1875), within(0.01f));
        assertThat(us.bottom()).isCloseTo(Size.inch(11 - 0.5), within(0.01f));
        assertThat(LabelSheet.AVERY_5160.perSheet()).isEqualTo(30);
    }

    @Test
    void theEighthAvery5160LabelHoldsTheEighthAddressAfterSkippingUsedLabels() {
        List<List<String>> addresses = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            addresses.add(List.of("Person " + i, i + " Main Street", "SEATTLE, WA 98101"));
        }
        PdfText pdf = new PdfText(printer.labels(addresses, LabelSheet.AVERY_5160, 2));

        assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(612f, within(0.01f));
        assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(792f, within(0.01f));
        // Two labels were used already: the 8th address goes on the 10th label.
        assertThat(pdf.only("Person 8").inside(LabelSheet.AVERY_5160.label(9))).isTrue();
        assertThat(pdf.only("8 Main Street").inside(LabelSheet.AVERY_5160.label(9))).isTrue();
        assertThat(pdf.only("Person 1").inside(LabelSheet.AVERY_5160.label(2))).isTrue();
    }

    @Test
    void polishAndFrenchLettersComeBackExactlyFromTheEmbeddedFont() {
        PdfText pdf = new PdfText(printer.labels(List.of(
                List.of("Zażółć gęślą jaźń", "ul. Piotrkowska 1", "90-001 Łódź"),
                List.of("Hélène Château", "12 rue de l’Église", "45000 ORLÉANS")), LabelSheet.AVERY_L7160, 0));

        assertThat(pdf.only("Zażółć gęślą jaźń").inside(LabelSheet.AVERY_L7160.label(0))).isTrue();
        assertThat(pdf.only("90-001 Łódź").inside(LabelSheet.AVERY_L7160.label(0))).isTrue();
        assertThat(pdf.only("Hélène Château").inside(LabelSheet.AVERY_L7160.label(1))).isTrue();
        assertThat(pdf.only("45000 ORLÉANS").inside(LabelSheet.AVERY_L7160.label(1))).isTrue();
    }

    @Test
    void aNoteCardHasTheNameAndOpeningLineWithinItsMarginsInBothSizes() {
        for (CardFormat format : CardFormat.values()) {
            byte[] bytes = printer.noteCards(List.of(
                    new NoteCard("Hélène Château", "Merci de votre visite : ce fut un plaisir de vous aider à trouver "
                            + "ce qui vous plaisait.", "Zofia Wójcik", "Flagship"),
                    new NoteCard("Zażółć gęślą jaźń", "Dziękuję za wizytę.", "Zofia Wójcik", "Flagship")), format);
            PdfText pdf = new PdfText(bytes);
            assertThat(pdf.pageSizes).hasSize(2);
            assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(format.sheet().width(), within(0.01f));
            assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(format.sheet().height(), within(0.01f));
            LabelSheet.Box inside = new LabelSheet.Box(format.sheet().margin(), format.sheet().margin(),
                    format.sheet().width() - 2 * format.sheet().margin(), format.sheet().height() - 2 * format.sheet().margin());
            PdfText.Run name = pdf.only("Hélène Château");
            assertThat(name.page()).isEqualTo(1);
            assertThat(name.inside(inside)).as("%s in %s", name, inside).isTrue();
            // The name sits in the top third, where the eye lands.
            assertThat(name.baseline()).isLessThan(format.sheet().height() / 3);
            assertThat(pdf.all).contains("Merci de votre visite");
            pdf.runs.forEach(run -> assertThat(run.inside(inside)).as("%s inside %s", run, inside).isTrue());
            assertThat(pdf.only("Zażółć gęślą jaźń").page()).isEqualTo(2);
            assertThat(pdf.find("Zofia Wójcik")).hasSize(2);
        }
    }

    @Test
    void aVeryLongNameShrinksToStayInsideTheCard() {
        String name = "Maria-Magdalena Aleksandra Konstantynopolitańczykowianeczka-Wierzbicka";
        PdfText pdf = new PdfText(printer.noteCards(List.of(new NoteCard(name, "Thank you.", "Sam", "")),
                CardFormat.A6));
        PdfText.Run run = pdf.only(name);
        assertThat(run.right()).isLessThanOrEqualTo(CardFormat.A6.sheet().width() - CardFormat.A6.sheet().margin() + 0.5f);
    }

    @Test
    void envelopesPutTheReturnAddressTopLeftAndTheRecipientRightOfCentre() {
        for (EnvelopeFormat format : EnvelopeFormat.values()) {
            PdfText pdf = new PdfText(printer.envelopes(List.of(new Envelope(
                    List.of("Flagship", "1 Main St", "Seattle, WA 98101"),
                    List.of("Hélène Château", "12 rue de l’Église", "45000 ORLÉANS", "FRANCE"))), format));
            assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(format.sheet().width(), within(0.01f));
            assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(format.sheet().height(), within(0.01f));
            PdfText.Run sender = pdf.only("Flagship");
            assertThat(sender.left()).isCloseTo(format.sheet().margin(), within(1f));
            assertThat(sender.baseline()).isLessThan(format.sheet().height() / 4);
            PdfText.Run name = pdf.only("Hélène Château");
            assertThat(name.left()).isGreaterThan(format.sheet().width() * 0.4f);
            PdfText.Run country = pdf.only("FRANCE");
            assertThat(country.baseline()).isGreaterThan(name.baseline())
                    .isLessThan(format.sheet().height() - format.sheet().margin());
            assertThat(country.right()).isLessThan(format.sheet().width() - format.sheet().margin());
        }
    }

    @Test
    void addressesFollowTheDestinationCountrysOrder() {
        Locale en = Locale.ENGLISH;
        assertThat(AddressFormat.lines("Jane Doe", new PostalAddress("1600 Pennsylvania Ave NW", "", "20500",
                "Washington", "DC", "US"), "US", en))
                .containsExactly("Jane Doe", "1600 Pennsylvania Ave NW", "Washington, DC 20500");
        assertThat(AddressFormat.lines("John Smith", new PostalAddress("10 Downing Street", "", "sw1a 2aa",
                "London", "", "United Kingdom"), "US", en))
                .containsExactly("John Smith", "10 Downing Street", "LONDON", "SW1A 2AA", "UNITED KINGDOM");
        assertThat(AddressFormat.lines("Hélène Château", new PostalAddress("12 rue de l’Église", "Bâtiment B",
                "45000", "Orléans", "", "France"), "FR", Locale.FRENCH))
                .containsExactly("Hélène Château", "12 rue de l’Église", "Bâtiment B", "45000 ORLÉANS");
        assertThat(AddressFormat.lines("Zofia Wójcik", new PostalAddress("ul. Piotrkowska 1", "", "90-001", "Łódź",
                "", "PL"), "US", en))
                .containsExactly("Zofia Wójcik", "ul. Piotrkowska 1", "90-001 Łódź", "POLAND");
        assertThat(AddressFormat.lines("Zofia Wójcik", new PostalAddress("ul. Piotrkowska 1", "", "90-001", "Łódź",
                "", "Polska"), "PL", Locale.forLanguageTag("pl")))
                .containsExactly("Zofia Wójcik", "ul. Piotrkowska 1", "90-001 Łódź");
        assertThat(AddressFormat.lines("Jürgen Groß", new PostalAddress("Unter den Linden 77", "", "10117", "Berlin",
                "", "Germany"), "PL", Locale.forLanguageTag("pl")))
                .containsExactly("Jürgen Groß", "Unter den Linden 77", "10117 Berlin", "NIEMCY");
        assertThat(AddressFormat.lines("Ana Silva", new PostalAddress("Rua Augusta 1", "", "1100-048", "Lisboa",
                "", "Channel Islands"), "GB", en))
                .containsExactly("Ana Silva", "Rua Augusta 1", "1100-048 Lisboa", "CHANNEL ISLANDS");
    }
}
