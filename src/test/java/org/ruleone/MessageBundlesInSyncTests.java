package org.ruleone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a person reads exists in English, French and Polish. */
class MessageBundlesInSyncTests {

    /** The bundles the application reads, as configured: a module's bundle missing there would never be shown. */
    static List<String> bundles() throws IOException {
        Properties config = new Properties();
        try (InputStream in = MessageBundlesInSyncTests.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        return Arrays.stream(config.getProperty("spring.messages.basename").split(","))
                .map(String::strip).map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
    }

    @Test
    void readsEveryBundleThatExists() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            Set<String> onDisk = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.matches(".*_(fr|pl)\\.properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).toList());
            assertThat(new TreeSet<>(bundles())).isEqualTo(onDisk);
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
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
        for (String bundle : bundles()) {
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
