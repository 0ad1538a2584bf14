package org.ruleone.paper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a PDF back: each run of text with the page it is on and where its glyphs sit (points, from the top left). */
public final class PdfText {

    /** A run of text and the box around its glyphs. */
    public record Run(int page, String text, float left, float right, float top, float baseline) {

        public boolean inside(LabelSheet.Box box) {
            float e = 0.05f; // rounding of float coordinates
            return left >= box.left() - e && right <= box.right() + e && top >= box.top() - e
                    && baseline <= box.bottom() + e;
        }
    }

    public final List<Run> runs = new ArrayList<>();
    public final List<float[]> pageSizes = new ArrayList<>();
    public final String all;

    public PdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getPages().forEach(p -> pageSizes.add(new float[] {p.getMediaBox().getWidth(),
                    p.getMediaBox().getHeight()}));
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    float left = Float.MAX_VALUE, right = 0, top = Float.MAX_VALUE, baseline = 0;
                    for (TextPosition p : positions) {
                        left = Math.min(left, p.getXDirAdj());
                        right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                        top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                        baseline = Math.max(baseline, p.getYDirAdj());
                    }
                    runs.add(new Run(getCurrentPageNo(), text, left, right, top, baseline));
                    super.writeString(text, positions);
                }
            };
            StringWriter out = new StringWriter();
            stripper.writeText(doc, out);
            all = out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs whose text is exactly this line. */
    public List<Run> find(String text) {
        return runs.stream().filter(r -> r.text().equals(text)).toList();
    }

    public Run only(String text) {
        List<Run> found = find(text);
        if (found.size() != 1) {
            throw new AssertionError("Expected one run \"" + text + "\" but found " + found.size() + " in " + runs);
        }
        return found.get(0);
    }
}
