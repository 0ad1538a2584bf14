package org.ruleone.training.internal;

import org.ruleone.platform.Formats;

/** How a mean score is written: one decimal, in the reader's way. */
public final class Progress {

    private Progress() {
    }

    public static String oneDecimal(double mean, Formats fmt) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(fmt.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(mean);
    }

    public static Double rounded(Double mean) {
        return mean == null ? null : Math.round(mean * 10) / 10.0;
    }
}
