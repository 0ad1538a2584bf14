package org.ruleone.paper;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Service;

/**
 * Stories to read on paper (the legend library): each story starts a page of A4 with its title, a grey byline, the
 * text and the lesson beside a bar; a long one runs on. Same embedded font as the other paper, so French and Polish
 * print as written.
 */
@Service
public class Stories {

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float MARGIN = Size.mm(22);
    private static final float TEXT = 11.5f;
    private static final float LEADING = 16;

    /** The stories as one PDF with this document title, in the order given. */
    public byte[] render(String documentTitle, List<Story> stories) {
        return PaperPrinter.render(documentTitle, doc -> {
            PDType0Font font = PaperPrinter.font(doc);
            for (Story story : stories) {
                new Page(doc, font).story(story);
            }
        });
    }

    /** Draws one story, measuring y from the top of the page. */
    private static final class Page {
        private final PDDocument doc;
        private final PDType0Font font;
        private final float textWidth = WIDTH - 2 * MARGIN;
        private PDPageContentStream out;
        private float y;

        Page(PDDocument doc, PDType0Font font) {
            this.doc = doc;
            this.font = font;
        }

        void story(Story s) throws IOException {
            newPage();
            try {
                for (String line : PaperPrinter.wrap(font, 20, s.title(), textWidth)) {
                    next(26);
                    line(20, MARGIN, line, 0);
                }
                if (s.byline() != null && !s.byline().isBlank()) {
                    next(16);
                    line(9.5f, MARGIN, s.byline(), 0.45f);
                }
                y += 10;
                for (String paragraph : s.paragraphs()) {
                    for (String part : paragraph.split("\\R")) {
                        for (String text : PaperPrinter.wrap(font, TEXT, part, textWidth)) {
                            next(LEADING);
                            line(TEXT, MARGIN, text, 0);
                        }
                    }
                    y += 8;
                }
                if (s.lesson() != null && !s.lesson().isBlank()) {
                    y += 8;
                    next(LEADING);
                    line(TEXT, MARGIN + Size.mm(5), s.lessonLabel(), 0.45f);
                    for (String text : PaperPrinter.wrap(font, 13, s.lesson(), textWidth - Size.mm(5))) {
                        next(18);
                        bar(y - 14, y + 4);
                        line(13, MARGIN + Size.mm(5), text, 0);
                    }
                }
            } finally {
                out.close();
            }
        }

        private void next(float by) throws IOException {
            if (y + by > HEIGHT - MARGIN) {
                out.close();
                newPage();
            }
            y += by;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = MARGIN;
        }

        /** The lesson's bar, from one line's top to its foot. */
        private void bar(float from, float to) throws IOException {
            out.setNonStrokingColor(0.2f, 0.45f, 0.35f);
            out.addRect(MARGIN, HEIGHT - to, Size.mm(1.2), to - from);
            out.fill();
        }

        private void line(float size, float x, String text, float grey) throws IOException {
            if (text == null || text.isBlank()) {
                return;
            }
            out.beginText();
            out.setNonStrokingColor(grey);
            out.setFont(font, size);
            out.newLineAtOffset(x, HEIGHT - y);
            out.showText(PaperPrinter.printable(font, text));
            out.endText();
        }
    }
}
