package org.ruleone.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The start of a CSV file, for a column-mapping screen: its separator, its header, its first rows and the number
 * style its values show.
 *
 * @param numbers the number style detected from the values of the rows read (see {@link NumberStyle#detect})
 */
public record CsvPreview(char delimiter, List<String> header, List<List<String>> rows, NumberStyle.Detection numbers) {

    /**
     * Reads the header and up to {@code detectionRows} rows (the separator found in the header), keeping the first
     * {@code shownRows} of them.
     *
     * @throws CsvLimits.Refused when its first records are beyond the {@link CsvLimits}
     */
    public static CsvPreview read(InputStream file, int shownRows, int detectionRows) throws IOException {
        try (CsvReader csv = CsvReader.detecting(file)) {
            List<String> header = csv.next() ? csv.fields() : List.of();
            List<List<String>> rows = new ArrayList<>();
            Set<String> values = new HashSet<>(); // distinct values: a column repeats most of its own
            for (int n = 0; n < detectionRows && csv.next(); n++) {
                List<String> fields = csv.fields();
                if (rows.size() < shownRows) {
                    rows.add(fields);
                }
                values.addAll(fields);
            }
            return new CsvPreview(csv.delimiter(), header, rows, NumberStyle.detect(values));
        }
    }
}
