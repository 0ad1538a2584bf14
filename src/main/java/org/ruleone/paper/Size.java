package org.ruleone.paper;

/** Lengths in PDF points (1/72 inch). */
public final class Size {

    public static final float POINTS_PER_INCH = 72f;
    public static final float POINTS_PER_MM = 72f / 25.4f;

    private Size() {
    }

    public static float mm(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    public static float inch(double inches) {
        return (float) (inches * POINTS_PER_INCH);
    }
}
