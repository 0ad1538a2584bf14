package org.ruleone.paper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Service;

/**
 * Mail-merged letters: one page per letter (a long text runs on to a second page), the sender's address at the top,
 * the recipient's address inside the envelope window of the {@link LetterFormat}, then the date, the subject, the
 * greeting, the text, the event's details, the closing and the signature. Same embedded font as the other paper
 * (Liberation Sans), so "Łódź" and "Hélène" print and copy as written. Print at 100 % ("actual size").
 */
@Service
public class Letters {

    private static final float GREY = 0.45f;
    private static final float TEXT = 11;
    private static final float LEADING = 14.5f;

    /** The letters as one PDF, in the order given, all on one paper size. */
    public byte[] render(List<Letter> letters, LetterFormat format) {
        return render(letters, letter -> format);
    }

    /** The letters as one PDF, in the order given, each on its own paper size (a chain with a US store). */
    public byte[] render(List<Letter> letters, Function<Letter, LetterFormat> formatOf) {
        return PaperPrinter.render("Letters", doc -> {
            PDType0Font font = PaperPrinter.font(doc);
            for (Letter letter : letters) {
                new Page(doc, font, formatOf.apply(letter)).letter(letter);
            }
        });
    }

    /** A sender's return address in lines: the name, then the address split at line breaks and commas. */
    public static List<String> returnAddress(String name, String address) {
        List<String> lines = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            lines.add(name.strip());
        }
        for (String part : (address == null ? "" : address).split("\\R|,")) {
            if (!part.isBlank()) {
                lines.add(part.strip());
            }
        }
        return lines;
    }

    /** Draws one letter, measuring y from the top of the page. */
    private static final class Page {
        private final PDDocument doc;
        private final PDType0Font font;
        private final LetterFormat format;
        private final float m;
        private final float textWidth;
        private PDPageContentStream out;
        private float y;

        Page(PDDocument doc, PDType0Font font, LetterFormat format) {
            this.doc = doc;
            this.font = font;
            this.format = format;
            this.m = format.margin();
            this.textWidth = format.width() - 2 * m;
        }

        void letter(Letter l) throws IOException {
            newPage();
            try {
                // The sender, small and grey, at the top left, clear of the window.
                float top = Math.min(m, Size.mm(15));
                float returnWidth = Math.max(Size.mm(60), format.window().left() - 2 * m);
                float ry = top;
                for (String line : l.returnAddress()) {
                    ry += 10;
                    line(PaperPrinter.fit(font, line, 8.5f, returnWidth), m, ry, line, GREY);
                }
                // The recipient, inside the window, shrunk if it has too many lines or too long a line.
                LabelSheet.Box w = format.window();
                float inset = 2;
                List<String> address = l.recipient();
                float size = Math.min(10.5f, (w.height() - 2 * inset) / Math.max(1, address.size()) / 1.2f);
                float ay = w.top() + inset;
                for (String line : address) {
                    ay += size * 1.2f;
                    line(PaperPrinter.fit(font, line, size, w.width() - 2 * inset), w.left() + inset,
                            ay - size * 0.25f, line, 0);
                }
                // The date on the right, under the window.
                y = w.bottom() + Size.mm(12);
                line(TEXT, format.width() - m - PaperPrinter.width(font, TEXT, l.date()), y, l.date(), 0);
                y += Size.mm(12);
                if (l.title() != null && !l.title().isBlank()) {
                    for (String t : PaperPrinter.wrap(font, 13, l.title(), textWidth)) {
                        next(17);
                        line(13, m, y, t, 0);
                    }
                    y += 8;
                }
                next(LEADING + 4);
                line(TEXT, m, y, l.greeting(), 0);
                y += 6;
                for (String paragraph : l.paragraphs()) {
                    for (String part : paragraph.split("\\R")) {
                        for (String text : PaperPrinter.wrap(font, TEXT, part, textWidth)) {
                            next(LEADING);
                            line(TEXT, m, y, text, 0);
                        }
                    }
                    y += 6;
                }
                if (!l.details().isEmpty()) {
                    y += 4;
                    for (String detail : l.details()) {
                        for (String text : PaperPrinter.wrap(font, TEXT, detail, textWidth - Size.mm(6))) {
                            next(LEADING);
                            line(TEXT, m + Size.mm(6), y, text, 0);
                        }
                    }
                    y += 6;
                }
                next(LEADING + 8);
                line(TEXT, m, y, l.closing(), 0);
                // Room for a signature by hand above the printed name.
                next(Size.mm(16));
                line(PaperPrinter.fit(font, l.signature(), TEXT, textWidth), m, y, l.signature(), 0);
            } finally {
                out.close();
            }
        }

        /** Moves down by {@code by}, onto a new page when the bottom margin would be crossed. */
        private void next(float by) throws IOException {
            if (y + by > format.height() - m) {
                out.close();
                newPage();
                y = m;
            }
            y += by;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(new PDRectangle(format.width(), format.height()));
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
        }

        private void line(float size, float x, float baseline, String text, float grey) throws IOException {
            if (text == null || text.isBlank()) {
                return;
            }
            out.beginText();
            out.setNonStrokingColor(grey);
            out.setFont(font, size);
            out.newLineAtOffset(x, format.height() - baseline);
            out.showText(PaperPrinter.printable(font, text));
            out.endText();
        }
    }
}
