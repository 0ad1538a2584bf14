package org.ruleone.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.ApiTokens;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PhoneCallsTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ApiTokens tokens;
    @Autowired ClientBook clients;
    @Autowired CaseDesk desk;
    @Autowired PhoneCalls calls;
    @Autowired List<CaseFactsSource> factSources;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;

    private long client(long store, String phone) {
        return clients.add(new ClientDraft(store, null, "Jan", "Kowalski", null, phone, null, Language.PL, "",
                List.of(), List.of(), "", null));
    }

    private String webhook(String token, String body) throws Exception {
        var request = post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyRecordedCallPublishesCallLogged() {
        long store = people.store("Calls events");
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        long customer = client(store, "+48 22 555 01 01");
        Instant ringing = Instant.parse("2026-11-20T09:00:00Z");

        PhoneCalls.Logged logged = calls.log(new CallDraft(store, customer, "+48 22 555 01 01", associate.id(),
                ringing, 3, 14, CallOutcome.ANSWERED, 125, null, CallSource.MANUAL, associate.id()),
                Optional.of(store));

        assertThat(events.stream(CallLogged.class).filter(e -> e.callId() == logged.callId()))
                .singleElement()
                .isEqualTo(new CallLogged(logged.callId(), store, customer, null, associate.id(), ringing, 3, 14,
                        "ANSWERED"));
    }

    @Test
    void theWebhookFindsTheCallerByNumberAndJoinsTheirOpenCase() throws Exception {
        long store = people.store("Calls webhook");
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        long customer = client(store, "020 7946 0" + (100 + (int) (Math.random() * 800)));
        String number = clients.client(customer, Optional.empty()).orElseThrow().phone();
        long caseId = desk.open(new CaseDraft(store, customer, null, Channel.EMAIL, "Late parcel", null, null),
                Optional.of(store));
        String token = tokens.create("PBX", store, people.owner().id());

        JsonNode known = json.readTree(webhook(token, """
                {"callId":"pbx-%s","callerNumber":"+44 %s","ringingAt":"2026-11-22T10:15:00Z","outcome":"ANSWERED",
                 "rings":4,"secondsToAnswer":18,"durationSeconds":240,"associateId":%d}"""
                .formatted(UUID.randomUUID(), number.substring(1), associate.id())));
        JsonNode unknown = json.readTree(webhook(token, """
                {"callId":"pbx-%s","callerNumber":"+33 1 99 00 00 00","ringingAt":"2026-11-22T10:20:00Z",
                 "outcome":"MISSED","rings":9}""".formatted(UUID.randomUUID())));

        assertThat(known.get("customerId").asLong()).isEqualTo(customer);
        assertThat(known.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(unknown.get("customerId").isNull()).isTrue();
        assertThat(unknown.get("caseId").isNull()).isTrue();
        assertThat(events.stream(CallLogged.class).filter(e -> e.storeId() == store)).hasSize(2);
        List<CaseFact> facts = factSources.stream().flatMap(s -> s.facts(caseId, Locale.ENGLISH).stream()).toList();
        assertThat(facts).filteredOn(f -> f.label().equals("Phone"))
                .singleElement().satisfies(f -> assertThat(f.link()).isEqualTo("/calls/new?case=" + caseId));
        assertThat(facts).filteredOn(f -> f.label().equals("Phone call")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("Phone call");
            assertThat(f.value()).contains("Answered", "4 rings", "answered after 18 s", "lasted 240 s");
        });
    }

    @Test
    void theWebhookWantsAStoreToken() throws Exception {
        long store = people.store("Calls auth");
        String body = """
                {"callId":"c-%s","callerNumber":"123","ringingAt":"2026-11-22T10:15:00Z","outcome":"MISSED"}"""
                .formatted(UUID.randomUUID());
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        String chainWide = tokens.create("chain", null, people.owner().id());
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + chainWide))
                .andExpect(status().isForbidden());
        String revoked = tokens.create("old PBX", store, people.owner().id());
        tokens.list().stream().filter(t -> t.name().equals("old PBX")).forEach(t -> tokens.revoke(t.id()));
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + revoked))
                .andExpect(status().isUnauthorized());
        assertThat(calls.recent(Optional.of(store), Optional.empty(), 10)).isEmpty();

        String good = tokens.create("PBX", store, people.owner().id());
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + good))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Authorization", "Bearer " + good))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/telephony/calls").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callerNumber\":\"1\",\"outcome\":\"LOST\"}")
                        .header("Authorization", "Bearer " + good).header("Idempotency-Key", "bad"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("ringingAt", "outcome")));
        assertThat(calls.recent(Optional.of(store), Optional.empty(), 10)).as("the retried call is kept once")
                .hasSize(1);
    }

    @Test
    void anAssociateLogsACallOnThePhoneScreenAndOpensAPhoneCase() throws Exception {
        long store = people.store("Calls screen");
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        long customer = client(store, "+48 601 " + (100_000 + (int) (Math.random() * 800_000)));
        String phone = clients.client(customer, Optional.empty()).orElseThrow().phone();

        mvc.perform(get("/calls/new").with(user(associate)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"callerNumber\"")));
        mvc.perform(post("/calls").with(user(associate)).with(csrf())
                        .param("callerNumber", phone).param("ringingAt", "2026-11-22T11:05")
                        .param("outcome", "MISSED").param("secondsToAnswer", "12").param("rings", "many"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only an answered call has a time to answer")))
                .andExpect(content().string(containsString("Give a whole number.")))
                .andExpect(content().string(containsString(phone)));
        mvc.perform(post("/calls").with(user(associate)).with(csrf())
                        .param("callerNumber", phone).param("ringingAt", "2026-11-22T11:05")
                        .param("outcome", "ANSWERED").param("rings", "2").param("secondsToAnswer", "9")
                        .param("durationSeconds", "300").param("associateId", Long.toString(associate.id()))
                        .param("openCase", "true").param("subject", "Wants the coat in blue"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/cases/*"));

        var opened = desk.list(CaseFilter.ofCustomer(customer), Optional.of(store));
        assertThat(opened).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(Channel.PHONE);
            assertThat(c.subject()).isEqualTo("Wants the coat in blue");
        });
        assertThat(calls.ofCase(opened.getFirst().id())).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(customer);
            assertThat(c.durationSeconds()).isEqualTo(300);
        });
        mvc.perform(get("/calls").with(user(associate)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(phone)));
        SignedInAssociate elsewhere = people.person(Role.ASSOCIATE, people.store("Calls elsewhere"));
        mvc.perform(get("/calls").with(user(elsewhere)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(phone))));
        mvc.perform(get("/calls/new").param("case", Long.toString(opened.getFirst().id())).with(user(elsewhere)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePhoneScreenShowsATimeAndNumbersItCannotReadBackAsTypedAndSavesNothing() throws Exception {
        long store = people.store("Calls typed");
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);

        mvc.perform(post("/calls").with(user(associate)).with(csrf())
                        .param("callerNumber", "+48 601 000 111").param("ringingAt", "yesterday at five")
                        .param("outcome", "ANSWERED").param("secondsToAnswer", "ten").param("durationSeconds", "2.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give the date and time it started ringing.")))
                .andExpect(content().string(containsString("value=\"yesterday at five\"")))
                .andExpect(content().string(containsString("value=\"ten\"")))
                .andExpect(content().string(containsString("value=\"2.5\"")))
                .andExpect(content().string(containsString("Give a whole number of seconds.")));
        assertThat(calls.recent(Optional.of(store), Optional.empty(), 10)).isEmpty();
    }
}
