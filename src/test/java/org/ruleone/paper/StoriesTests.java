package org.ruleone.paper;

import java.util.Collections;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoriesTests {

    @Test
    void printsEachStoryOnItsOwnPageAndRunsALongOneOnWithItsLessonLast() throws Exception {
        String paragraph = String.join(" ", Collections.nCopies(60, "Les bottes trempées arrivent à l’heure."));
        byte[] pdf = new Stories().render("Légendes", List.of(
                new Story("Żółte kalosze", "", List.of("Krótka historia."), "Lekcja", "Najpierw klient."),
                new Story("Le smoking déchiré", "Amélie · 2026", Collections.nCopies(8, paragraph), "La leçon",
                        "Dire oui, et tenir l’heure promise.")));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Légendes");
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(doc)).contains("Żółte kalosze", "Najpierw klient.")
                    .doesNotContain("Le smoking déchiré");
            String all = new PDFTextStripper().getText(doc);
            assertThat(all.indexOf("Dire oui, et tenir l’heure promise."))
                    .isGreaterThan(all.lastIndexOf("Les bottes trempées"));
        }
    }
}
