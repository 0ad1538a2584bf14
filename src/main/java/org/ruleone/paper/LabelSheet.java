package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/**
 * Address label sheets, with the makers' published geometry. Labels are numbered from 0, row by row, left to
 * right.
 */
public enum LabelSheet {
    /** Avery L7160: A4, 3 × 7 labels of 63.5 × 38.1 mm; top margin 15.15 mm, left 7.2 mm, column pitch 66.04 mm. */
    AVERY_L7160(mm(210), mm(297), 3, 7, mm(63.5), mm(38.1), mm(7.2), mm(15.15), mm(66.04), mm(38.1)),
    /** Avery 5160: US Letter, 3 × 10 labels of 2.625 × 1 in; top margin 0.5 in, left 0.1875 in, pitch 2.75 × 1 in. */
    AVERY_5160(inch(8.5), inch(11), 3, 10, inch(2.625), inch(1), inch(0.1875), inch(0.5), inch(2.75), inch(1));

    /** A rectangle in points, measured from the page's top-left corner. */
    public record Box(float left, float top, float width, float height) {

        public float right() {
            return left + width;
        }

        public float bottom() {
            return top + height;
        }
    }

    private final float pageWidth;
    private final float pageHeight;
    private final int columns;
    private final int rows;
    private final float labelWidth;
    private final float labelHeight;
    private final float left;
    private final float top;
    private final float columnPitch;
    private final float rowPitch;

    LabelSheet(float pageWidth, float pageHeight, int columns, int rows, float labelWidth, float labelHeight,
               float left, float top, float columnPitch, float rowPitch) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.columns = columns;
        this.rows = rows;
        this.labelWidth = labelWidth;
        this.labelHeight = labelHeight;
        this.left = left;
        this.top = top;
        this.columnPitch = columnPitch;
        this.rowPitch = rowPitch;
    }

    public float pageWidth() {
        return pageWidth;
    }

    public float pageHeight() {
        return pageHeight;
    }

    public int perSheet() {
        return columns * rows;
    }

    /** The label at this position on its sheet (0 to {@link #perSheet()} − 1). */
    public Box label(int position) {
        if (position < 0 || position >= perSheet()) {
            throw new IllegalArgumentException("No label " + position + " on " + name());
        }
        int row = position / columns;
        int column = position % columns;
        return new Box(left + column * columnPitch, top + row * rowPitch, labelWidth, labelHeight);
    }
}
