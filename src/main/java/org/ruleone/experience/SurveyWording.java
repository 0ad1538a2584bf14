package org.ruleone.experience;

import org.ruleone.shared.Language;

/**
 * The questions as one version words them in one language.
 *
 * @param comeBack "How likely are you to come back to {store}?"; {@link #comeBackFor} fills in the store
 */
public record SurveyWording(long id, Language language, int version, String comeBack, String satisfactionHelp,
                            String satisfactionVisit, String commentPrompt) {

    public String comeBackFor(String storeName) {
        return comeBack.replace("{store}", storeName);
    }
}
