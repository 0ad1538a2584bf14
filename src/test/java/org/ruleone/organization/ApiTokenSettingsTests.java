package org.ruleone.organization;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.platform.ApiTokens;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
@AutoConfigureMockMvc
class ApiTokenSettingsTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;

    @Test
    void aTokenForAStoreThatDoesNotExistIsRefusedNotMadeChainWide() throws Exception {
        SignedInAssociate owner = people.owner();
        String name = "till " + UUID.randomUUID();

        mvc.perform(post("/settings/api-tokens").param("name", name).param("storeId", "987654321")
                        .with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/settings"))
                .andExpect(flash().attribute("problem", "settings.tokens.unknownStore"))
                .andExpect(flash().attributeCount(1));

        assertThat(tokens.list()).extracting(ApiTokens.TokenView::name).doesNotContain(name);
        assertThatThrownBy(() -> tokens.create(name, 987654321L, owner.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.list()).extracting(ApiTokens.TokenView::name).doesNotContain(name);
    }

    @Test
    void aTokenForAnExistingStoreIsThatStoresOnly() throws Exception {
        SignedInAssociate owner = people.owner();
        long store = people.store("Token store");
        String name = "till " + UUID.randomUUID();

        mvc.perform(post("/settings/api-tokens").param("name", name).param("storeId", String.valueOf(store))
                        .with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/settings"));

        assertThat(tokens.list()).filteredOn(t -> t.name().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.storeId()).isEqualTo(store));
    }
}
