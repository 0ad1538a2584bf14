package org.ruleone.privacy.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.privacy.RetentionReading;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The owner's retention rules, as the records of processing show them: a kind a rule covers, with the rule on, is kept
 * for the rule's period; with the rule off, the fixed reading answers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleRetention implements RetentionReading {

    private static final Map<Kind, RetentionRule> RULES = Map.of(Kind.CLIENTS, RetentionRule.IDLE_CLIENTS,
            Kind.CASES, RetentionRule.CLOSED_CASE_TEXT, Kind.QUARANTINE, RetentionRule.QUARANTINED_MAIL,
            Kind.SURVEYS, RetentionRule.SURVEY_COMMENTS);

    private final RetentionRecords records;
    private final MessageSource messages;

    RuleRetention(RetentionRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @Override
    public Optional<String> period(Kind kind, Locale locale) {
        RetentionRule rule = RULES.get(kind);
        if (rule == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(records.periods().get(rule)).map(period -> messages.getMessage(
                "privacy.records.rule." + rule.name(), new Object[] {period}, locale));
    }
}
