package org.ruleone.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.RuleOneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts Rule One the way the README's demo command does ({@code --ruleone.demo=true}, no test profile, the demo's
 * default purchases file), on a real web server. Only the port and the data directory differ, so the test does not
 * collide with an instance a developer is running.
 */
class ReadmeDemoCommandTests {

    @TempDir
    Path dataDirectory;

    @Test
    void startsWithTheReadmesDemoArgumentAndFindsTheSharedSalesFile() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(RuleOneApplication.class,
                "--ruleone.demo=true", "--server.port=0",
                "--ruleone.embedded-db.data-directory=" + dataDirectory.resolve("db"),
                "--ruleone.uploads.directory=" + dataDirectory.resolve("uploads"))) {

            Path sales = context.getBean(DemoData.class).purchasesFile();
            assertThat(sales).isEqualTo(Path.of("../shared/data/online_retail/online_retail.csv").toAbsolutePath().normalize());
            assertThat(Files.isReadable(sales)).as("the shared Online Retail file beside the clone").isTrue();

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> setup = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/setup")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(setup.statusCode()).isEqualTo(200);
            assertThat(setup.body()).contains("name=\"password\"");
        }
    }
}
