package org.ruleone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a person reads exists in English, French and Polish. */
class MessageBundlesInSyncTests {

    static final String[] BUNDLES = {"platform", "organization", "customers", "purchases", "service"};

    @ParameterizedTest
    @ValueSource(strings = {"platform", "organization", "customers", "purchases", "service"})
    void frenchAndPolishHaveExactlyTheEnglishKeys(String bundle) throws IOException {
        Set<String> english = load(bundle, "").stringPropertyNames();
        for (String suffix : new String[] {"_fr", "_pl"}) {
            Properties translated = load(bundle, suffix);
            assertThat(translated.stringPropertyNames()).as(bundle + suffix).isEqualTo(english);
            translated.forEach((k, v) -> assertThat(v.toString()).as(bundle + suffix + ": " + k).isNotBlank());
        }
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : BUNDLES) {
            known.addAll(load(bundle, "").stringPropertyNames());
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    static Properties load(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesInSyncTests.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties")) {
            assertThat(in).as(bundle + suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
