package org.ruleone.platform.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Links are written as the templates say. The webjars locator on the class path makes Spring Boot register a
     * filter that passes every link of every page ({@code @{/clients/12}} included) through the static resource
     * chain, which looks each one up in four class path folders inside the jar and caches only what it finds: on a
     * book of 50 clients, hundreds of jar look-ups per page, most of its time (issue 16, item 4). Version-less webjar
     * links ({@code /webjars/htmx.org/dist/htmx.min.js}) are still served: the locator resolves them when asked.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> linksLeftAsWritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(
                new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
