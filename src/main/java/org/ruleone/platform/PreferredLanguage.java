package org.ruleone.platform;

import org.ruleone.shared.Language;

/** Implemented by principals that carry the language their owner chose. */
public interface PreferredLanguage {

    Language preferredLanguage();
}
