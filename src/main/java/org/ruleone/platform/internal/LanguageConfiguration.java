package org.ruleone.platform.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.ruleone.platform.PreferredLanguage;
import org.ruleone.shared.Language;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The language of a page: the one picked in this session, else the signed-in person's saved choice,
 * else the browser's preference among English, French and Polish, else English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(LanguageConfiguration::defaultLocale);
        return resolver;
    }

    static Locale defaultLocale(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PreferredLanguage person) {
            return person.preferredLanguage().locale();
        }
        var locales = request.getLocales();
        while (locales.hasMoreElements()) {
            var match = Language.fromCode(locales.nextElement().getLanguage());
            if (match.isPresent()) {
                return match.get().locale();
            }
        }
        return Language.EN.locale();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                return Language.fromCode(localeValue).map(Language::locale).orElse(null);
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
