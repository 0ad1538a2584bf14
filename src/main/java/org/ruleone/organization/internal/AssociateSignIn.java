package org.ruleone.organization.internal;

import org.ruleone.organization.Organization;
import org.ruleone.platform.LanguagePreferences;
import org.ruleone.shared.Language;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads associates for form login and keeps their language choice. */
@Component
class AssociateSignIn implements UserDetailsService, LanguagePreferences {

    private final Organization organization;

    AssociateSignIn(Organization organization) {
        this.organization = organization;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return organization.signInDetails(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Override
    public void remember(String username, Language language) {
        organization.rememberLanguage(username, language);
    }
}
