package org.ruleone.privacy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The records of processing (issue 15, item 4): what is kept, why, how long, and the consent wordings over time. */
@IntegrationTest
@Import(StandardsTestSupport.class)
class RecordsOfProcessingTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures service;
    @Autowired Consents consents;
    @Autowired Retention retention;

    @Test
    void showsAManagerEveryKindItsBasisAndPeriodAndEveryConsentWordingEverRecorded() throws Exception {
        long store = service.store();
        SignedInAssociate manager = service.person(Role.MANAGER, store, Language.EN);
        long client = service.client(store, "Ada", "Lovelace", Language.EN);
        String oldWording = "Old wording " + UUID.randomUUID() + ": yes, send me news.";
        consents.record(client, ConsentChannel.EMAIL, true, ConsentMethod.WEB, null, oldWording);
        consents.record(client, ConsentChannel.EMAIL, false, ConsentMethod.IN_STORE, manager.id());

        String page = mvc.perform(get("/privacy/records").with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (RetentionReading.Kind kind : RetentionReading.Kind.values()) {
            assertThat(page).contains("id=\"kind-" + kind + "\"");
        }
        assertThat(page).contains("Consent (Art. 6(1)(a))", "Until the client is erased", oldWording,
                "I no longer want to receive marketing e-mails from the store.",
                "Je ne souhaite plus recevoir", "The SMTP server");
    }

    @Test
    void showsThePeriodsTheOwnersRetentionRulesSet() throws Exception {
        SignedInAssociate manager = service.person(Role.MANAGER, service.store(), Language.EN);
        long owner = manager.id(); // who set a rule is only recorded
        try {
            retention.set(RetentionRule.IDLE_CLIENTS, Optional.of(3), owner);
            retention.set(RetentionRule.QUARANTINED_MAIL, Optional.of(45), owner);

            String page = mvc.perform(get("/privacy/records").with(user(manager)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(page).contains("Erased after 3 years without a purchase, case or consent",
                    "Deleted after 45 days");
        } finally {
            for (RetentionRule rule : RetentionRule.values()) {
                retention.set(rule, Optional.empty(), owner);
            }
        }
    }

    @Test
    void printsThemAsAPdf() throws Exception {
        SignedInAssociate manager = service.person(Role.MANAGER, service.store(), Language.FR);
        byte[] pdf = mvc.perform(get("/privacy/records.pdf").with(user(manager)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void hidesThemFromAnAssociate() throws Exception {
        SignedInAssociate associate = service.associate(service.store());
        for (String path : List.of("/privacy/records", "/privacy/records.pdf")) {
            mvc.perform(get(path).with(user(associate))).andExpect(status().isNotFound());
        }
    }
}
