package org.ruleone.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Service;

/**
 * Renders the PDFs. Text is set in Liberation Sans, the TrueType font shipped inside the PDFBox jar, embedded as a
 * subset, so every viewer and printer shows "Łódź" and "Hélène" as written. Sizes are exact: a page is the card,
 * the envelope or the label sheet itself, to be printed at 100 % ("actual size").
 */
@Service
public class PaperPrinter {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float GREY = 0.45f;

    /** Note cards, one per page. */
    public byte[] noteCards(List<NoteCard> cards, CardFormat format) {
        return render("Note cards", doc -> {
            PDType0Font font = font(doc);
            float w = format.sheet().width();
            float h = format.sheet().height();
            float m = format.sheet().margin();
            float textWidth = w - 2 * m;
            for (NoteCard card : cards) {
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PAGE_HEIGHT.set(h);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    float y = m + 8;
                    if (card.heading() != null && !card.heading().isBlank()) {
                        text(out, font, fit(font, card.heading(), 8, textWidth), m, y, card.heading(), GREY);
                    }
                    y += 26;
                    float nameSize = fit(font, card.clientName(), 17, textWidth);
                    text(out, font, nameSize, m, y, card.clientName(), 0);
                    y += nameSize * 0.6f + 10;
                    for (String line : wrap(font, 10, card.openingLine(), textWidth)) {
                        y += 13;
                        text(out, font, 10, m, y, line, 0);
                    }
                    // Ruled lines to write on by hand, down to the signature.
                    float signatureY = h - m - 3; // room for descenders inside the margin
                    out.setStrokingColor(0.78f);
                    out.setLineWidth(0.4f);
                    for (float ruled = y + 24; ruled < signatureY - 22; ruled += 22) {
                        out.moveTo(m, h - ruled);
                        out.lineTo(w - m, h - ruled);
                        out.stroke();
                    }
                    if (card.signature() != null && !card.signature().isBlank()) {
                        float size = fit(font, card.signature(), 10, textWidth);
                        float x = w - m - width(font, size, card.signature());
                        text(out, font, size, x, signatureY, card.signature(), 0);
                    }
                }
            }
        });
    }

    /** Envelopes, one per page: return address at the top left, the recipient right of centre. */
    public byte[] envelopes(List<Envelope> envelopes, EnvelopeFormat format) {
        return render("Envelopes", doc -> {
            PDType0Font font = font(doc);
            float w = format.sheet().width();
            float h = format.sheet().height();
            float m = format.sheet().margin();
            for (Envelope envelope : envelopes) {
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PAGE_HEIGHT.set(h);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    block(out, font, envelope.returnAddress(), m, m, format.recipientLeft() - 2 * m, 8, GREY);
                    block(out, font, envelope.recipient(), format.recipientLeft(), format.recipientTop(),
                            w - format.recipientLeft() - m, 11, 0);
                }
            }
        });
    }

    /**
     * Address labels, filling each sheet row by row.
     *
     * @param skip labels already used on the first sheet, left blank
     */
    public byte[] labels(List<List<String>> addresses, LabelSheet sheet, int skip) {
        if (skip < 0 || skip >= sheet.perSheet()) {
            throw new IllegalArgumentException("Skip 0 to " + (sheet.perSheet() - 1) + " labels");
        }
        return render("Address labels", doc -> {
            PDType0Font font = font(doc);
            PDPageContentStream out = null;
            PDPage page;
            try {
                for (int i = 0; i < addresses.size(); i++) {
                    int position = (i + skip) % sheet.perSheet();
                    if (out == null || position == 0) {
                        if (out != null) {
                            out.close();
                        }
                        page = new PDPage(new PDRectangle(sheet.pageWidth(), sheet.pageHeight()));
                        doc.addPage(page);
                        PAGE_HEIGHT.set(sheet.pageHeight());
                        out = new PDPageContentStream(doc, page);
                    }
                    LabelSheet.Box box = sheet.label(position);
                    float inset = Size.mm(4);
                    List<String> lines = addresses.get(i);
                    float size = Math.min(10, (box.height() - 2 * Size.mm(2)) / Math.max(1, lines.size()) / 1.2f);
                    float blockHeight = lines.size() * size * 1.2f;
                    float top = box.top() + (box.height() - blockHeight) / 2;
                    block(out, font, lines, box.left() + inset, top, box.width() - 2 * inset, size, 0);
                }
            } finally {
                if (out != null) {
                    out.close();
                }
            }
        });
    }

    /**
     * A poster with a QR code, drawn as vector squares so it prints sharp at any size, with a quiet zone of four
     * modules around it as the standard asks; the address is printed under it too.
     */
    public byte[] qrPoster(QrPoster poster, PosterFormat format) {
        BitMatrix code = qrCode(poster.url());
        return render(poster.heading(), doc -> {
            PDType0Font font = font(doc);
            float w = format.sheet().width();
            float h = format.sheet().height();
            float m = format.sheet().margin();
            float textWidth = w - 2 * m;
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            PAGE_HEIGHT.set(h);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = m + 30;
                float headingSize = fit(font, poster.heading(), 34, textWidth);
                text(out, font, headingSize, (w - width(font, headingSize, poster.heading())) / 2, y,
                        poster.heading(), 0);
                y += 16;
                for (String line : wrap(font, 16, poster.text(), textWidth)) {
                    y += 22;
                    text(out, font, 16, (w - width(font, 16, line)) / 2, y, line, 0);
                }
                float side = Math.min(textWidth, h * 0.45f);
                float module = side / (code.getWidth() + 8);
                float left = (w - module * code.getWidth()) / 2;
                float top = y + 24 + 4 * module;
                out.setNonStrokingColor(0f);
                for (int row = 0; row < code.getHeight(); row++) {
                    for (int col = 0; col < code.getWidth(); col++) {
                        if (code.get(col, row)) {
                            out.addRect(left + col * module, h - top - (row + 1) * module, module, module);
                        }
                    }
                }
                out.fill();
                y = top + code.getHeight() * module + 4 * module + 14;
                float urlSize = fit(font, poster.url(), 10, textWidth);
                text(out, font, urlSize, (w - width(font, urlSize, poster.url())) / 2, y, poster.url(), GREY);
                if (poster.footer() != null && !poster.footer().isBlank()) {
                    float size = fit(font, poster.footer(), 12, textWidth);
                    text(out, font, size, (w - width(font, size, poster.footer())) / 2, h - m, poster.footer(), GREY);
                }
            }
        });
    }

    private static BitMatrix qrCode(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code for " + url, e);
        }
    }

    // ---- drawing, with y measured from the top of the page like the paper sizes

    private static void block(PDPageContentStream out, PDType0Font font, List<String> lines, float left, float top,
                              float width, float size, float grey) throws IOException {
        float y = top;
        for (String line : lines) {
            y += size * 1.2f;
            text(out, font, fit(font, line, size, width), left, y - size * 0.25f, line, grey);
        }
    }

    /** Writes one line with its baseline {@code baseline} points below the top of the page. */
    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float baseline,
                             String text, float grey) throws IOException {
        float pageHeight = PAGE_HEIGHT.get();
        out.beginText();
        out.setNonStrokingColor(grey);
        out.setFont(font, size);
        out.newLineAtOffset(x, pageHeight - baseline);
        out.showText(printable(font, text));
        out.endText();
    }

    /** The height of the page being drawn, so callers can measure from the top like the paper formats do. */
    private static final ThreadLocal<Float> PAGE_HEIGHT = new ThreadLocal<>();

    /** The largest size up to {@code size} at which the text fits the width (never below 5 pt). */
    static float fit(PDType0Font font, String text, float size, float width) throws IOException {
        float natural = width(font, size, text);
        return natural <= width ? size : Math.max(5, size * width / natural);
    }

    static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    static List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Control characters and line breaks become spaces; a glyph the font lacks becomes "?". */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }

    /** The text with every character the font has no glyph for replaced by "?". */
    static String printable(PDType0Font font, String text) {
        String cleaned = clean(text);
        StringBuilder out = new StringBuilder(cleaned.length());
        cleaned.codePoints().forEach(c -> {
            String one = new String(Character.toChars(c));
            try {
                font.encode(one);
                out.append(one);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    static PDType0Font font(PDDocument doc) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the PDFBox jar: " + FONT);
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    interface Drawing {
        void draw(PDDocument doc) throws IOException;
    }

    static byte[] render(String title, Drawing drawing) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("Rule One");
            doc.setDocumentInformation(info);
            drawing.draw(doc);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PAGE_HEIGHT.remove();
        }
    }
}
