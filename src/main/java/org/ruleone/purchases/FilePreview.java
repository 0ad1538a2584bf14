package org.ruleone.purchases;

import java.util.List;
import java.util.Optional;

import org.ruleone.platform.NumberStyle;

/**
 * The start of an uploaded file, for the column-mapping screen.
 *
 * @param preset  the built-in mapping recognised from the header, if any
 * @param numbers the number style its values show (or, when they can be read two ways, a value that shows it)
 */
public record FilePreview(char delimiter, List<String> header, List<List<String>> rows,
                          Optional<ColumnMapping> preset, NumberStyle.Detection numbers) {
}
