package org.ruleone.experience;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys an item gets: made from its words, without accents, unique in the checklist's history, kept on edits. */
class MysteryChecklistKeysTests {

    @Test
    void makesAKeyFromTheWordsWithoutAccentsNorPolishLetters() {
        assertThat(MysteryChecklistEditor.slug("Were you greeted on entry?")).isEqualTo("were-you-greeted-on-entry");
        assertThat(MysteryChecklistEditor.slug("Vous a-t-on accueilli dès l’entrée ?"))
                .isEqualTo("vous-a-t-on-accueilli-des-l-entree");
        assertThat(MysteryChecklistEditor.slug("Czy płatność przyjęto na miejscu?"))
                .isEqualTo("czy-platnosc-przyjeto-na-miejscu");
        assertThat(MysteryChecklistEditor.slug("¿!…")).isEqualTo("item");
    }

    @Test
    void cutsALongKeyAtAWord() {
        String key = MysteryChecklistEditor.slug(
                "When you asked for a size not on the floor, did they offer to check the stock?");
        assertThat(key).isEqualTo("when-you-asked-for-a-size-not-on-the-floor-did").hasSizeLessThanOrEqualTo(48);
    }

    @Test
    void keepsTheKeysItemsHaveAndGivesNewOnesNeverUsedBefore() {
        MysteryChecklistDraft draft = new MysteryChecklistDraft("Visit", List.of(new MysteryChecklistDraft.Section(
                "Arriving", "", "", List.of(item("greeted", "Greeted?"), item(null, "Greeted?"),
                        item("greeted", "Greeted again?"), item(null, "Rings"), item("Not A Key!", "Bag")))));

        List<String> keys = MysteryChecklistEditor.withKeys(draft, Set.of("greeted", "rings")).sections().getFirst()
                .items().stream().map(MysteryChecklistDraft.Item::key).toList();

        assertThat(keys).containsExactly("greeted", "greeted-2", "greeted-again", "rings-2", "bag");
    }

    private static MysteryChecklistDraft.Item item(String key, String text) {
        return new MysteryChecklistDraft.Item(key, text, "", "", MysteryAnswerType.YES_NO, BigDecimal.ONE, false, true,
                null, null, "");
    }
}
