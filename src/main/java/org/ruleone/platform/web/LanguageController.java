package org.ruleone.platform.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.platform.LanguagePreferences;
import org.ruleone.shared.Language;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language picker in the page header: applies at once and is remembered for the signed-in person. */
@Controller
class LanguageController {

    private final LocaleResolver localeResolver;
    private final List<LanguagePreferences> preferences;

    LanguageController(LocaleResolver localeResolver, List<LanguagePreferences> preferences) {
        this.localeResolver = localeResolver;
        this.preferences = preferences;
    }

    @PostMapping("/language")
    String choose(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
                  HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        Language language = Language.fromCode(lang).orElse(Language.EN);
        localeResolver.setLocale(request, response, language.locale());
        if (auth != null && auth.isAuthenticated()) {
            preferences.forEach(p -> p.remember(auth.getName(), language));
        }
        return "redirect:" + safeLocalPath(back);
    }

    /** Only same-site paths, so the picker cannot be used as an open redirect. */
    static String safeLocalPath(String back) {
        try {
            URI uri = URI.create(back);
            if (uri.getScheme() == null && uri.getHost() == null && back.startsWith("/") && !back.startsWith("//")) {
                return back;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the home page
        }
        return "/";
    }
}
