package org.ruleone.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.platform.PreferredLanguage;
import org.ruleone.shared.Language;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a web session. Other modules take it with {@code @AuthenticationPrincipal} and ask it
 * which stores' data it may see.
 */
public record SignedInAssociate(long id, String name, String email, Role role, Long storeId, Language language,
                                String passwordHash, boolean active)
        implements UserDetails, PreferredLanguage {

    /** True when this person may see data belonging to the given store. */
    public boolean canSeeStore(long store) {
        return role == Role.OWNER || (storeId != null && storeId == store);
    }

    /** Whether this person may act in this store, as {@link Organization#mayActIn} rules. */
    public boolean mayActIn(long store) {
        return Organization.mayActIn(role, storeId, active, store);
    }

    /** The single store this person is limited to; empty for an owner, who sees every store. */
    public Optional<Long> storeScope() {
        return role == Role.OWNER ? Optional.empty() : Optional.of(storeId);
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    public boolean isManagerOrOwner() {
        return role == Role.OWNER || role == Role.MANAGER;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public Language preferredLanguage() {
        return language;
    }

    @Override
    public String toString() {
        return "SignedInAssociate[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}
