package org.ruleone.platform;

/** Writing CSV that a spreadsheet opens safely: quoted where needed, formula-looking cells defused. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * Quotes a cell when needed and defuses what a spreadsheet would run as a formula: a cell starting with
     * {@code = + - @}, a tab or a carriage return gets a leading apostrophe.
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.startsWith("'")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
