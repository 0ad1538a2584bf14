package org.ruleone.platform;

/**
 * A row of an imported CSV file that could not be imported, as every import lists it.
 *
 * @param lineNo the physical line the row starts on (the header is line 1)
 * @param reason a code the import names, e.g. COLUMN_COUNT, BAD_ENCODING, BAD_NUMBER, BAD_DATE
 * @param detail the column and value at fault, when there is one
 * @param raw    the row as it was in the file, cut to a readable length
 */
public record RejectedRow(long lineNo, String reason, String detail, String raw) {
}
