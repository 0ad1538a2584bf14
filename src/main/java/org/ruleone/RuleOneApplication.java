package org.ruleone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class RuleOneApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            // A command from the shell (see docs/importing.md): no HTTP port, and logs go to stderr so that
            // stdout carries only the command's one-line result.
            System.setOut(System.err);
            var context = new SpringApplicationBuilder(RuleOneApplication.class)
                    .properties("server.port=-1", "spring.main.banner-mode=off")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(RuleOneApplication.class, args);
    }
}
