package org.ruleone.recognition;

import org.junit.jupiter.api.Test;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LegendsTests {

    @Autowired
    Legends legends;
    @Autowired
    JdbcClient jdbc;

    @Test
    void showsTheFoundingStoriesInTheReadersLanguageFirst() {
        assertThat(legends.library(Language.FR, null)).extracting(Legend::title).startsWith("Les pneus neige",
                "Le diamant dans le sac d'aspirateur", "Les bottes trempées", "Le smoking déchiré",
                "La puce que personne ne voulait remplacer");
        assertThat(legends.library(Language.PL, "kozaki")).extracting(Legend::title)
                .containsExactly("Przemoczone kozaki");
        assertThat(legends.library(Language.EN, "snow")).first()
                .satisfies(l -> assertThat(l.lesson()).contains("never sold"));
    }

    @Test
    void showsAWrittenLegendInTheLanguageItWasWrittenInToEveryReader() {
        long id = jdbc.sql("insert into legend (marked_at) values (now()) returning id").query(Long.class).single();
        jdbc.sql("insert into legend_text (legend_id, language, title, story, lesson) values (?, 'fr', ?, ?, ?)")
                .params(id, "Les bottes trempées", "Un transporteur a laissé les bottes sous la pluie.", "Remplacer")
                .update();

        assertThat(legends.find(id, Language.PL)).get()
                .satisfies(l -> {
                    assertThat(l.title()).isEqualTo("Les bottes trempées");
                    assertThat(l.language()).isEqualTo(Language.FR);
                });
        assertThat(legends.library(Language.EN, "TREMP")).extracting(Legend::id).contains(id);
        assertThat(legends.library(Language.EN, "100%")).extracting(Legend::id).doesNotContain(id);
    }
}
