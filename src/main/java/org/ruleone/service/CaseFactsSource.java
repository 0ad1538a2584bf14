package org.ruleone.service;

import java.util.List;
import java.util.Locale;

/**
 * Implemented by modules that have something to show on a case's page: its due times under the store's service
 * standards, the phone calls that belong to it, a found item matched to it. The case page lists the facts of every
 * source, in the order of {@link org.springframework.core.annotation.Order} on the implementations.
 */
public interface CaseFactsSource {

    /** The facts about one case, already formatted for the reader's locale; empty when there is nothing to say. */
    List<CaseFact> facts(long caseId, Locale locale);
}
