package org.ruleone.privacy.internal;

import java.util.Locale;
import java.util.Optional;

import org.ruleone.privacy.RetentionReading;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The periods the code applies when no retention rule says otherwise: everything about a client is kept until the
 * client is erased; the few things that expire on their own (links, throttles, sessions) say when.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FixedRetention implements RetentionReading {

    private final MessageSource messages;

    FixedRetention(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> period(Kind kind, Locale locale) {
        return Optional.of(messages.getMessage("privacy.records.fixed." + kind.name(), null,
                messages.getMessage("privacy.records.fixed.untilErased", null, locale), locale));
    }
}
