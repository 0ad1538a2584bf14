package org.ruleone.support;

import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every test context at its own database on the tests' shared embedded PostgreSQL (ADR 0090), unless the
 * test is marked {@link OwnDatabase}. Registered in {@code META-INF/spring.factories}, so no test has to ask.
 * The database is made when the context first asks for its URL: slices without a data source never make one.
 */
public class SharedDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(OwnDatabase.class)) {
            return null;
        }
        return new Customizer();
    }

    /** All equal, so the customizer never splits the context cache. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new DatabaseProperties());
        }
    }

    /** The shared server's connection for one context, made on first look-up. */
    private static final class DatabaseProperties extends PropertySource<Object> {

        private static final Set<String> DATABASE = Set.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password");

        /**
         * With a database URL the application wants the mailroom key and the link keys that every node shares; one of
         * each per context here.
         */
        private final String mailroomKey = SharedDatabase.random();
        private final String linkKey = SharedDatabase.random();
        private volatile String url;

        DatabaseProperties() {
            super("rule-one-shared-test-database");
        }

        @Override
        public Object getProperty(String name) {
            if (name.equals("ruleone.mailroom.key")) {
                return mailroomKey;
            }
            if (name.equals("ruleone.links.keys")) {
                return linkKey;
            }
            if (!DATABASE.contains(name)) {
                return null;
            }
            SharedDatabase database = SharedDatabase.get();
            return switch (name) {
                case "spring.datasource.url" -> url();
                case "spring.datasource.username" -> database.username();
                default -> database.password();
            };
        }

        private synchronized String url() {
            if (url == null) {
                url = SharedDatabase.get().newDatabase();
            }
            return url;
        }
    }
}
