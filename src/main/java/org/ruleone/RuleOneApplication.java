package org.ruleone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RuleOneApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuleOneApplication.class, args);
    }
}
