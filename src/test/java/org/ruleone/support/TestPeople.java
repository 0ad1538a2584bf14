package org.ruleone.support;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/** Creates stores and people for tests through the real API. */
@Component
public class TestPeople {

    public static final String PASSWORD = "correct horse battery staple";

    private final Organization organization;

    public TestPeople(Organization organization) {
        this.organization = organization;
    }

    /** The owner, created on first use (the installation can only have one first run). */
    public SignedInAssociate owner() {
        if (!organization.hasOwner()) {
            organization.setUp("Olivia Owner", "owner@example.com", PASSWORD,
                    new StoreDraft("Flagship", "1 Main St", "US", ZoneId.of("America/Los_Angeles"), Language.EN,
                            List.of()), Language.EN);
        }
        String email = organization.associates(java.util.Optional.empty()).stream()
                .filter(a -> a.role() == Role.OWNER).findFirst().orElseThrow().email();
        return organization.signInDetails(email).orElseThrow();
    }

    public long store(String name) {
        owner();
        return organization.storeNamed(name).map(s -> s.id()).orElseGet(() -> organization.createStore(
                new StoreDraft(name, "", "", ZoneId.of("Europe/Warsaw"), Language.PL, List.of())));
    }

    public SignedInAssociate person(Role role, long storeId) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Test " + role, email, role, storeId, null, Language.EN),
                PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }
}
