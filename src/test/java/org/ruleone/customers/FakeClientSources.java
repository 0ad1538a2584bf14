package org.ruleone.customers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Two timeline sources and a figures source standing in for the modules that will implement them. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeClientSources {

    static final Map<Long, List<TimelineEntry>> PURCHASES = new ConcurrentHashMap<>();
    static final Map<Long, List<TimelineEntry>> CASES = new ConcurrentHashMap<>();
    static final Map<Long, List<ClientFigure>> FIGURES = new ConcurrentHashMap<>();

    static TimelineEntry entry(String at, String title) {
        return new TimelineEntry(Instant.parse(at), "clients.timeline", title, "", null);
    }

    @Bean
    TimelineSource fakePurchases() {
        return (customerId, limit, locale) -> PURCHASES.getOrDefault(customerId, List.of());
    }

    @Bean
    TimelineSource fakeCases() {
        return (customerId, limit, locale) -> CASES.getOrDefault(customerId, List.of());
    }

    @Bean
    ClientFiguresSource fakeFigures() {
        return (long customerId, Locale locale) -> FIGURES.getOrDefault(customerId, List.of());
    }
}
