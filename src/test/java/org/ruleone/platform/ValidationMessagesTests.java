package org.ruleone.platform;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Constraint;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Every constraint on our forms speaks in our words, in the three languages, never in Hibernate Validator's. */
class ValidationMessagesTests {

    @Test
    void givesEveryConstraintUsedOnAFormOurOwnTextInEveryLanguage() throws Exception {
        Set<String> keys = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
        for (var candidate : scanner.findCandidateComponents("org.ruleone")) {
            for (Field field : Class.forName(candidate.getBeanClassName()).getDeclaredFields()) {
                for (Annotation a : field.getAnnotations()) {
                    if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                        String message = (String) a.annotationType().getMethod("message").invoke(a);
                        keys.add(message.substring(1, message.length() - 1));
                    }
                }
            }
        }
        assertThat(keys).contains("jakarta.validation.constraints.NotBlank.message");
        for (String language : new String[] {"", "_fr", "_pl"}) {
            Properties bundles = new Properties();
            for (String module : new String[] {"platform", "customers", "organization"}) {
                try (InputStream in = getClass().getResourceAsStream("/i18n/" + module + language + ".properties")) {
                    bundles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            assertThat(keys).as("keys in language '%s'", language).allMatch(bundles::containsKey);
        }
    }
}
