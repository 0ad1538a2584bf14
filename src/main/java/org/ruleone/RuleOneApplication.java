package org.ruleone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class RuleOneApplication {

    /** The commands run from the shell (see docs/importing.md): purchases, and past survey results. */
    private static final java.util.Set<String> SHELL_COMMANDS = java.util.Set.of("import", "import-surveys");

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            // A backup into a fresh data directory (docs in README, ADR 0121): no Spring context, nothing else runs.
            // Logs go to stderr, so that stdout carries only the command's one-line result.
            System.setOut(System.err);
            System.exit(org.ruleone.platform.RestoreCommand.run(args));
        }
        if (args.length > 0 && SHELL_COMMANDS.contains(args[0])) {
            // A command from the shell (see docs/importing.md): no HTTP port, and logs go to stderr so that
            // stdout carries only the command's one-line result.
            System.setOut(System.err);
            // System properties, so they win over application.properties (builder defaults would not).
            System.setProperty("server.port", "-1");
            System.setProperty("spring.main.banner-mode", "off");
            var context = new SpringApplicationBuilder(RuleOneApplication.class).run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(RuleOneApplication.class, args);
    }
}
