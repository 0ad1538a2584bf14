package org.ruleone.platform;

import org.ruleone.shared.Language;

/** Remembers the language a signed-in person picked, so it follows them to their next session. */
public interface LanguagePreferences {

    void remember(String username, Language language);
}
