package org.ruleone.training.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.shared.Language;
import org.ruleone.training.ScenarioDraft;
import org.ruleone.training.ScenarioOrigin;
import org.springframework.stereotype.Component;

/**
 * A scenario prefilled from a legend of the library, read through recognition's {@link Legends}: its title, its
 * story as the situation and its lesson as what good looks like; the writer adds the customer's part and edits.
 */
@Component
public class LegendScenarios {

    private final Legends legends;
    private final DefaultRubric rubric;

    LegendScenarios(Legends legends, DefaultRubric rubric) {
        this.legends = legends;
        this.rubric = rubric;
    }

    /** The legends to start from, in the reader's language. */
    public List<Legend> library(Locale reader) {
        return legends.library(Language.of(reader), "");
    }

    public Optional<ScenarioDraft> draft(long legendId, Locale reader) {
        return legends.find(legendId, Language.of(reader)).map(legend -> new ScenarioDraft(
                CaseScenarios.truncate(legend.title(), ScenarioDraft.MAX_TITLE),
                CaseScenarios.truncate(legend.story(), ScenarioDraft.MAX_TEXT), "",
                CaseScenarios.truncate(legend.lesson() == null ? "" : legend.lesson(), ScenarioDraft.MAX_TEXT),
                ScenarioOrigin.LEGEND, legend.id(), rubric.criteria(reader)));
    }
}
