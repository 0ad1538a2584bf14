package org.ruleone.experience;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.experience.internal.MysteryChecklistRows;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mystery-shopping checklists: the default one in three languages, the owner's editor (versions, kept keys,
 * refusals that keep what was typed), managers reading and associates kept out.
 */
@IntegrationTest
class MysteryChecklistScreensTests {

    private static final String BASE = "/experience/mystery/checklists";

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired MysteryChecklists checklists;
    @Autowired MysteryChecklistRows rows;
    @Autowired MysteryChecklistEditor editor;

    @Test
    void shipsTheDefaultChecklistInThreeLanguagesWithCriticalItems() throws Exception {
        long id = checklists.checklists().stream().filter(c -> c.name().equals("Store visit"))
                .mapToLong(MysteryChecklists.Summary::id).min().orElseThrow();
        long first = rows.history(id).getLast().versionId();
        MysteryChecklists.Version v1 = checklists.version(first).orElseThrow();

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.sections()).hasSize(5).allSatisfy(s -> assertThat(List.of(s.titleEn(), s.titleFr(), s.titlePl()))
                .allSatisfy(t -> assertThat(t).isNotBlank()));
        assertThat(v1.items()).hasSize(11).allSatisfy(i -> assertThat(List.of(i.textEn(), i.textFr(), i.textPl()))
                .allSatisfy(t -> assertThat(t).isNotBlank()));
        assertThat(v1.items()).filteredOn(MysteryItem::critical).extracting(MysteryItem::key)
                .containsExactly("greeted-on-entry", "phone-answered-by-second-ring");
        MysteryItem phone = v1.items().stream().filter(i -> i.key().equals("phone-answered-by-second-ring"))
                .findFirst().orElseThrow();
        assertThat(phone.type()).isEqualTo(MysteryAnswerType.NUMBER);
        assertThat(phone.numberRule()).isEqualTo(MysteryNumberRule.AT_MOST);
        assertThat(phone.numberTarget()).isEqualByComparingTo("2");
        assertThat(phone.weight()).isGreaterThan(v1.items().stream()
                .filter(i -> i.key().equals("bag-handed-over")).findFirst().orElseThrow().weight());

        mvc.perform(get(BASE + "/" + id + "/versions/1").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Were you greeted when you came in?")))
                .andExpect(content().string(containsString("Vous a-t-on accueilli dès votre entrée ?")))
                .andExpect(content().string(containsString("Czy ktoś przywitał Cię zaraz po wejściu do sklepu?")))
                .andExpect(content().string(containsString("(at most 2 rings)")));
        mvc.perform(get(BASE + "/" + id + "/versions/1").param("lang", "pl").with(user(people.owner())))
                .andExpect(content().string(containsString("<h2><span>1.</span> <span>Wejście</span></h2>")))
                .andExpect(content().string(containsString("(najwyżej 2 sygnały)")))
                .andExpect(content().string(containsString("Krytyczny")));
        mvc.perform(get(BASE).with(user(people.owner())))
                .andExpect(content().string(containsString("href=\"" + BASE + "/" + id + "\">Store visit</a>")));
    }

    @Test
    void theOwnerCreatesAChecklistAndAnEditMakesANewVersionKeepingTheOldOne() throws Exception {
        SignedInAssociate owner = people.owner();
        String name = "Bank visit " + UUID.randomUUID();
        MvcResult created = mvc.perform(post(BASE + "/new").with(user(owner)).with(csrf())
                        .param("name", name)
                        .param("sections[0].titleEn", "At the door")
                        .param("sections[0].items[0].textEn", "Greeted at the door?")
                        .param("sections[0].items[0].type", "YES_NO").param("sections[0].items[0].weight", "2")
                        .param("sections[0].items[0].critical", "true")
                        .param("sections[0].items[1].textFr", "Secondes d’attente")
                        .param("sections[0].items[1].type", "NUMBER").param("sections[0].items[1].weight", "1,5")
                        .param("sections[0].items[1].naAllowed", "true").param("sections[0].items[1].rule", "AT_MOST")
                        .param("sections[0].items[1].target", "30").param("sections[0].items[1].unit", "seconds"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "experience.mystery.checklist.created"))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring((BASE + "/").length()));

        MysteryChecklists.Version v1 = checklists.current(id).orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.items()).extracting(MysteryItem::key)
                .containsExactly("greeted-at-the-door", "secondes-d-attente");
        assertThat(v1.items().getFirst().critical()).isTrue();
        assertThat(v1.items().getFirst().naAllowed()).isFalse();
        assertThat(v1.items().get(1).weight()).isEqualByComparingTo("1.5");
        assertThat(v1.items().get(1).numberUnit()).isEqualTo("seconds");
        mvc.perform(get(BASE + "/" + id + "/edit").with(user(owner)))
                .andExpect(content().string(containsString("name=\"basedOn\" value=\"1\"")))
                .andExpect(content().string(containsString("value=\"greeted-at-the-door\"")));

        // the first item reworded, the second removed, two added: one with the first's old words, one with the second's
        mvc.perform(post(BASE + "/" + id + "/edit").with(user(owner)).with(csrf())
                        .param("name", name).param("basedOn", "1")
                        .param("sections[0].titleEn", "At the door")
                        .param("sections[0].items[0].key", "greeted-at-the-door")
                        .param("sections[0].items[0].textEn", "Greeted warmly at the door?")
                        .param("sections[0].items[0].type", "YES_NO").param("sections[0].items[0].weight", "3")
                        .param("sections[0].items[0].critical", "true")
                        .param("sections[0].items[1].textEn", "Greeted at the door?")
                        .param("sections[0].items[1].type", "SCALE").param("sections[0].items[1].weight", "1")
                        .param("sections[0].items[2].textFr", "Secondes d’attente")
                        .param("sections[0].items[2].type", "YES_NO").param("sections[0].items[2].weight", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeVersion", 2));

        MysteryChecklists.Version v2 = checklists.current(id).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.items()).extracting(MysteryItem::key)
                .containsExactly("greeted-at-the-door", "greeted-at-the-door-2", "secondes-d-attente-2");
        assertThat(v2.items().getFirst().weight()).isEqualByComparingTo("3");
        assertThat(checklists.version(v1.id()).orElseThrow()).isEqualTo(v1);
        mvc.perform(get(BASE + "/" + id + "/versions/1").with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Greeted at the door?")))
                .andExpect(content().string(containsString("This is version 1, an older one")))
                .andExpect(content().string(not(containsString("Greeted warmly"))));
        mvc.perform(get(BASE + "/" + id).with(user(owner)))
                .andExpect(content().string(containsString("Greeted warmly at the door?")))
                .andExpect(content().string(containsString("href=\"" + BASE + "/" + id + "/versions/1\"")));

        // an edit of version 1 after version 2 was saved is refused, and comes back as typed
        mvc.perform(post(BASE + "/" + id + "/edit").with(user(owner)).with(csrf())
                        .param("name", name).param("basedOn", "1")
                        .param("sections[0].titleEn", "At the door")
                        .param("sections[0].items[0].textEn", "Typed while someone else saved")
                        .param("sections[0].items[0].type", "YES_NO").param("sections[0].items[0].weight", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone saved a newer version")))
                .andExpect(content().string(containsString("Typed while someone else saved")));
        // only the name changed: renamed, and no version is made
        String renamed = name + " (renamed)";
        mvc.perform(editOf(v2, renamed).with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("noticeVersion", 2));
        assertThat(checklists.current(id).orElseThrow().name()).isEqualTo(renamed);
        assertThat(rows.history(id)).hasSize(2);
    }

    @Test
    void refusesABadChecklistWithItsReasonsAndKeepsWhatWasTyped() throws Exception {
        int before = rows.checklists().size();
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "<b>Bold</b> visit")
                        .param("sections[0].titleEn", "Arriving")
                        .param("sections[0].items[0].textEn", "<script>alert(1)</script>")
                        .param("sections[0].items[0].type", "YES_NO").param("sections[0].items[0].weight", "0")
                        .param("sections[0].items[1].textEn", "Rings before an answer")
                        .param("sections[0].items[1].type", "NUMBER").param("sections[0].items[1].weight", "2")
                        .param("sections[0].items[1].rule", "AT_MOST")
                        .param("sections[0].items[2].textEn", "").param("sections[0].items[2].textFr", " ")
                        .param("sections[0].items[2].type", "SCALE").param("sections[0].items[2].weight", "1.005")
                        .param("sections[1].titlePl", "Pusta część"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was saved.")))
                .andExpect(content().string(containsString(
                        "Item 1.1: the weight must be a number more than 0 and up to 1000, with up to 2 decimals.")))
                .andExpect(content().string(containsString("Item 1.2: a number needs a target of 0 or more")))
                .andExpect(content().string(containsString("Item 1.3: write it in at least one language")))
                .andExpect(content().string(containsString("Item 1.3: the weight must be")))
                .andExpect(content().string(containsString("Section 2: add at least one item")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("value=\"&lt;b&gt;Bold&lt;/b&gt; visit\"")))
                .andExpect(content().string(containsString("name=\"sections[0].items[0].weight\" value=\"0\"")))
                .andExpect(content().string(containsString("name=\"sections[0].items[2].weight\" value=\"1.005\"")))
                .andExpect(content().string(containsString("value=\"Pusta część\"")));
        mvc.perform(post(BASE + "/new").param("lang", "fr").with(user(people.owner())).with(csrf())
                        .param("name", "Vide").param("sections[0].titleFr", "Accueil")
                        .param("sections[0].items[0].textFr", "Bonjour ?").param("sections[0].items[0].type", "YES_NO")
                        .param("sections[0].items[0].weight", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rien n’a été enregistré.")))
                .andExpect(content().string(containsString("Point 1.1 : le poids doit être un nombre supérieur à 0")));
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf()).param("name", "Empty"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A checklist needs at least one section with one item.")));

        assertThat(rows.checklists()).hasSize(before);
    }

    @Test
    void theAddAndRemoveButtonsGiveTheFormBackWithARowMoreOrLess() throws Exception {
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "Hotel").param("change", "add-item-1")
                        .param("sections[0].titleFr", "Réception")
                        .param("sections[0].items[0].textFr", "Accueil souriant ?")
                        .param("sections[0].items[0].type", "SCALE").param("sections[0].items[0].weight", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nothing was saved"))))
                .andExpect(content().string(containsString("Accueil souriant ?</textarea>")))
                .andExpect(content().string(containsString("<option value=\"SCALE\" selected=\"selected\">")))
                .andExpect(content().string(containsString("name=\"sections[0].items[1].weight\" value=\"1\"")))
                .andExpect(content().string(containsString("formaction=\"" + BASE + "/new#item-1-3\">")))
                .andExpect(content().string(containsString("class=\"grid\"")))
                .andExpect(content().string(not(containsString("<table"))));
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "Hotel").param("change", "remove-item-1-1")
                        .param("sections[0].titleFr", "Réception")
                        .param("sections[0].items[0].textFr", "Accueil souriant ?")
                        .param("sections[0].items[1].textFr", "Chambre prête ?"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Accueil souriant"))))
                .andExpect(content().string(containsString("Chambre prête ?</textarea>")))
                .andExpect(content().string(not(containsString("sections[0].items[1]"))));
        // rows numbered with gaps (a row removed by hand) still come back; a row beyond any form is a bad request
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "Hotel").param("change", "add-section")
                        .param("sections[0].items[0].textEn", "First").param("sections[0].items[3].textEn", "Fourth"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "name=\"sections[0].items[1].textEn\" maxlength=\"500\" rows=\"2\">Fourth</textarea>")));
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "Hotel").param("sections[5000].titleEn", "x"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(BASE + "/new").with(user(people.owner())).with(csrf())
                        .param("name", "Hotel").param("change", "add-section"))
                .andExpect(content().string(containsString("name=\"sections[0].titleEn\"")));
    }

    @Test
    void theOwnerArchivesRenamesAndTakesBackAChecklistAndNobodyElseMay() throws Exception {
        SignedInAssociate owner = people.owner();
        long id = editor.create(oneItem("Gym visit " + UUID.randomUUID()), owner);

        mvc.perform(post(BASE + "/" + id + "/archive").with(user(owner)).with(csrf()).param("archived", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows.archived(id)).contains(true);
        mvc.perform(get(BASE + "/" + id).with(user(owner)))
                .andExpect(content().string(containsString("Take out of the archive")));
        mvc.perform(post(BASE + "/" + id + "/archive").with(user(owner)).with(csrf()).param("archived", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows.archived(id)).contains(false);

        editor.rename(id, "  Gym visit, renamed ", owner);
        assertThat(checklists.current(id).orElseThrow().name()).isEqualTo("Gym visit, renamed");
        assertThatThrownBy(() -> editor.rename(id, "x".repeat(201), owner))
                .isInstanceOfSatisfying(MysteryChecklistRefused.class, e -> assertThat(e.problems())
                        .extracting(MysteryChecklistProblem::code).containsExactly("nameLong"));
        SignedInAssociate manager = people.person(Role.MANAGER, people.store("Checklists"));
        assertThatThrownBy(() -> editor.archive(id, true, manager)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> editor.revise(id, 1, oneItem("Mine"), manager))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rows.history(id)).hasSize(1);
    }

    @Test
    void managersReadTheChecklistsButOnlyTheOwnerWritesAndAssociatesSeeNone() throws Exception {
        SignedInAssociate owner = people.owner();
        long store = people.store("Checklists");
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        String name = "Grocer visit " + UUID.randomUUID();
        long id = editor.create(oneItem(name), owner);

        mvc.perform(get(BASE).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("href=\"" + BASE + "/new\""))));
        mvc.perform(get(BASE + "/" + id).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Greeted?")))
                .andExpect(content().string(not(containsString("/edit\""))));
        mvc.perform(get(BASE + "/new").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id + "/edit").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/new").with(user(manager)).with(csrf()).param("name", "Mine"))
                .andExpect(status().isForbidden());
        mvc.perform(editOf(checklists.current(id).orElseThrow(), "Taken over").with(user(manager)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/" + id + "/archive").with(user(manager)).with(csrf()).param("archived", "true"))
                .andExpect(status().isForbidden());
        assertThat(checklists.current(id).orElseThrow().name()).isEqualTo(name);
        assertThat(rows.archived(id)).contains(false);

        mvc.perform(get(BASE).with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id).with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id + "/versions/1").with(user(associate))).andExpect(status().isForbidden());

        long missing = id + 1_000_000;
        mvc.perform(get(BASE + "/" + missing).with(user(owner))).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/" + missing + "/edit").with(user(owner))).andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/" + id + "/versions/2").with(user(manager))).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/" + missing + "/archive").with(user(owner)).with(csrf()).param("archived", "true"))
                .andExpect(status().isNotFound());
    }

    /** The edit form of a version as the editor would send it back unchanged, under another name. */
    private static MockHttpServletRequestBuilder editOf(MysteryChecklists.Version v, String name) {
        MockHttpServletRequestBuilder request = post(BASE + "/" + v.checklistId() + "/edit")
                .param("name", name).param("basedOn", String.valueOf(v.version()));
        for (int s = 0; s < v.sections().size(); s++) {
            MysteryChecklists.Section section = v.sections().get(s);
            String sp = "sections[" + s + "].";
            request.param(sp + "titleEn", section.titleEn()).param(sp + "titleFr", section.titleFr())
                    .param(sp + "titlePl", section.titlePl());
            for (int i = 0; i < section.items().size(); i++) {
                MysteryItem item = section.items().get(i);
                String ip = sp + "items[" + i + "].";
                request.param(ip + "key", item.key()).param(ip + "textEn", item.textEn())
                        .param(ip + "textFr", item.textFr()).param(ip + "textPl", item.textPl())
                        .param(ip + "type", item.type().name()).param(ip + "weight", item.weight().toPlainString())
                        .param(ip + "unit", item.numberUnit());
                if (item.critical()) {
                    request.param(ip + "critical", "true");
                }
                if (item.naAllowed()) {
                    request.param(ip + "naAllowed", "true");
                }
                if (item.numberRule() != null) {
                    request.param(ip + "rule", item.numberRule().name())
                            .param(ip + "target", item.numberTarget().toPlainString());
                }
            }
        }
        return request;
    }

    private static MysteryChecklistDraft oneItem(String name) {
        return new MysteryChecklistDraft(name, List.of(new MysteryChecklistDraft.Section("Arriving", "", "",
                List.of(new MysteryChecklistDraft.Item(null, "Greeted?", "", "", MysteryAnswerType.YES_NO,
                        BigDecimal.ONE, true, false, null, null, "")))));
    }
}
