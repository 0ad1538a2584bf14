package org.ruleone.purchases.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.ruleone.platform.CsvColumns;
import org.ruleone.platform.CsvDates;
import org.ruleone.platform.NumberStyle;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.FilePreview;

/**
 * A column mapping written in a small properties file, for the shell import of a layout no preset knows. Columns are
 * named by their header (case and spaces around it do not matter) or by their number, counting from 1:
 * <pre>
 * invoice=Order number
 * date=Date
 * dateFormat=dd.MM.yyyy
 * unitPrice=Price
 * numbers=1.234,56
 * # optional: customer, sku, description, quantity (without it: one item per row), country,
 * # returnPrefix (e.g. C), returnColumn
 * </pre>
 * {@code numbers} is one of 1234.56, 1,234.56, 1234,56, 1.234,56, 1 234,56 (or the style's name); without it the style
 * detected in the file is used, unless the file's values read two ways.
 */
final class MappingFile {

    private static final Set<String> KEYS = Set.of("invoice", "date", "dateformat", "customer", "sku", "description",
            "quantity", "unitprice", "country", "numbers", "returnprefix", "returncolumn");

    private MappingFile() {
    }

    /** The mapping for this file; an {@link IllegalArgumentException} says what is wrong, for the usage line. */
    static ColumnMapping read(Path mappingFile, FilePreview preview) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Properties p = new Properties();
        for (String key : properties.stringPropertyNames()) {
            String k = key.strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" in " + mappingFile.getFileName()
                        + " (known: invoice, date, dateFormat, customer, sku, description, quantity, unitPrice, "
                        + "country, numbers, returnPrefix, returnColumn)");
            }
            p.setProperty(k, properties.getProperty(key).strip());
        }
        List<String> header = preview.header();
        String dateFormat = p.getProperty("dateformat", "");
        if (dateFormat.isEmpty()) {
            throw new IllegalArgumentException("dateFormat is missing (e.g. dateFormat=yyyy-MM-dd HH:mm:ss)");
        }
        if (CsvDates.format(dateFormat).isEmpty()) {
            throw new IllegalArgumentException("dateFormat=" + dateFormat + " is not a date format");
        }
        return new ColumnMapping(preview.delimiter(), column(p, "invoice", header, true),
                column(p, "date", header, true), dateFormat, column(p, "customer", header, false),
                column(p, "sku", header, false), column(p, "description", header, false),
                column(p, "quantity", header, false), column(p, "unitprice", header, true),
                column(p, "country", header, false), numbers(p.getProperty("numbers", ""), preview),
                new ColumnMapping.Returns(p.getProperty("returnprefix", ""),
                        column(p, "returncolumn", header, false)));
    }

    private static int column(Properties p, String key, List<String> header, boolean required) {
        String value = p.getProperty(key, "");
        if (value.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(key + " is missing: name its column (header or number from 1)");
            }
            return -1;
        }
        return CsvColumns.find(header, value).orElseThrow(() -> new IllegalArgumentException(key + "=" + value
                + ": the file has no such column (its header: " + header + ")"));
    }

    private static NumberStyle numbers(String value, FilePreview preview) {
        if (value.isEmpty()) {
            return preview.numbers().style().orElseThrow(() -> new IllegalArgumentException(
                    "numbers is missing and the file's values read two ways (e.g. "
                            + preview.numbers().ambiguous().orElse("?") + "): say numbers=1234.56 or numbers=1.234,56"));
        }
        List<String> known = new ArrayList<>();
        for (NumberStyle style : NumberStyle.values()) {
            if (style.name().equalsIgnoreCase(value) || style.example().equals(value)) {
                return style;
            }
            known.add(style.example());
        }
        throw new IllegalArgumentException("numbers=" + value + " is not one of " + known);
    }
}
