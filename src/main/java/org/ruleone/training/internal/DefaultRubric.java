package org.ruleone.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.training.Criterion;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The rubric a new scenario starts with, in the writer's language; they change it as they like. */
@Component
public class DefaultRubric {

    static final int CRITERIA = 3;

    private final MessageSource messages;

    DefaultRubric(MessageSource messages) {
        this.messages = messages;
    }

    public List<Criterion> criteria(Locale locale) {
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 1; i <= CRITERIA; i++) {
            String key = "training.rubric.default." + i + ".";
            criteria.add(new Criterion(i, text(key + "name", locale), text(key + "one", locale),
                    text(key + "five", locale)));
        }
        return criteria;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
