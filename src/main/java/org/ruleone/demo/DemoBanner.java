package org.ruleone.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** While the demo is being loaded, every page may say so (the home page does). */
@ControllerAdvice
@ConditionalOnBooleanProperty("ruleone.demo")
class DemoBanner {

    private final DemoProgress progress;

    DemoBanner(DemoProgress progress) {
        this.progress = progress;
    }

    @ModelAttribute("demoProgress")
    DemoProgress.Shown demoProgress() {
        return progress.now().orElse(null);
    }
}
