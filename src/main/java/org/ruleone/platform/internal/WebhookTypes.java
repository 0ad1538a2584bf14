package org.ruleone.platform.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ruleone.platform.WebhookEvent;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The event names an endpoint may subscribe to: every {@link WebhookEvent.Type} in the application's classes, found
 * once (on the first screen that needs them), and {@link #TEST} for the owner's test button.
 */
@Component
public class WebhookTypes {

    /** The test event the owner sends from an endpoint's page: every endpoint gets it when asked. */
    public static final String TEST = "webhook.test";

    private volatile List<String> all;

    /** The names in their order (alphabetical), without the test event. */
    public List<String> all() {
        List<String> found = all;
        if (found == null) {
            found = scan();
            all = found;
        }
        return found;
    }

    private static List<String> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(WebhookEvent.Type.class));
        return scanner.findCandidateComponents("org.ruleone").stream()
                .filter(AnnotatedBeanDefinition.class::isInstance)
                .map(candidate -> ((AnnotatedBeanDefinition) candidate).getMetadata()
                        .getAnnotationAttributes(WebhookEvent.Type.class.getName()))
                .filter(Objects::nonNull)
                .map(attributes -> (String) attributes.get("value"))
                .sorted().distinct().toList();
    }

    static Map<String, Object> testData() {
        return WebhookEvent.data("message", "A test event from Rule One.");
    }
}
