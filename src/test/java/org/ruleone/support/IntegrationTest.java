package org.ruleone.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ruleone.customers.ClientBookFixtures;
import org.ruleone.customers.FakeClientSources;
import org.ruleone.service.ServiceFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application with MockMvc and the fixtures, on its own database copied from the tests' shared embedded
 * PostgreSQL (ADR 0090). Every test class with only this annotation shares one Spring context: add no
 * {@code @Import}, {@code @TestPropertySource}, {@code @DynamicPropertySource}, {@code @MockitoBean} or
 * {@code @DirtiesContext} without need, as each distinct set starts another context. An extra
 * {@code @AutoConfigureMockMvc} is harmless.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestPeople.class, ServiceFixtures.class, ClientBookFixtures.class, FakeClientSources.class})
@ActiveProfiles("test")
public @interface IntegrationTest {
}
