package org.ruleone.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test's context starts the platform's own embedded PostgreSQL, as the application does in production, instead
 * of a copy on the tests' shared server (ADR 0090): for tests of that database itself (its roles, an outage).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OwnDatabase {
}
