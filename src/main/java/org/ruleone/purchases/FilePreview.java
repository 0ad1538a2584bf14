package org.ruleone.purchases;

import java.util.List;
import java.util.Optional;

/**
 * The start of an uploaded file, for the column-mapping screen.
 *
 * @param preset the built-in mapping recognised from the header, if any
 */
public record FilePreview(char delimiter, List<String> header, List<List<String>> rows,
                          Optional<ColumnMapping> preset) {
}
