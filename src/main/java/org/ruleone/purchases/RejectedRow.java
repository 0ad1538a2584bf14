package org.ruleone.purchases;

/**
 * A row of a CSV file that could not be imported.
 *
 * @param reason one of COLUMN_COUNT, BAD_ENCODING, MISSING_INVOICE, BAD_NUMBER, BAD_DATE
 * @param detail the column and value at fault, when there is one
 * @param raw    the row as it was in the file (cut to 500 bytes)
 */
public record RejectedRow(long lineNo, String reason, String detail, String raw) {
}
