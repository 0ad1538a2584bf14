package org.ruleone.experience.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SurveyImportCommandTests {

    @Autowired SurveyImportCommand command;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;

    private static String fixture(String name) throws Exception {
        return Path.of(SurveyImportCommandTests.class.getResource("/experience/" + name).toURI()).toString();
    }

    private List<String> answers(long store) {
        return jdbc.sql("""
                select external_id || ':' || coalesce(come_back::text, '-') || ':' || coalesce(satisfaction::text, '-')
                  from survey_answer where store_id = :s order by external_id
                """).param("s", store).query(String.class).list();
    }

    @Test
    void importsFromTheShellWithTheScreensMappingOptionsAndExitsWithZero() throws Exception {
        String name = "Shell surveys " + UUID.randomUUID();
        long store = people.store(name);

        command.run(new DefaultApplicationArguments("import-surveys", "--file=" + fixture("survey-stars.csv"),
                "--store=" + name, "--satisfaction=-", "--score=Rating", "--score-scale=SATISFACTION_1_5",
                "--date-format=yyyy-MM-dd"));

        assertThat(command.getExitCode()).isZero();
        assertThat(answers(store)).containsExactly("G-1:-:5", "G-2:-:1", "G-3:-:4");
    }

    @Test
    void reusesTheMappingOfAnEarlierImport() throws Exception {
        String first = "Shell surveys first " + UUID.randomUUID();
        people.store(first);
        command.run(new DefaultApplicationArguments("import-surveys", "--file=" + fixture("survey-tab.csv"),
                "--store=" + first, "--score-scale=COME_BACK_1_10"));
        long earlier = jdbc.sql("select max(id) from survey_import").query(Long.class).single();
        String second = "Shell surveys second " + UUID.randomUUID();
        long store = people.store(second);

        command.run(new DefaultApplicationArguments("import-surveys", "--file=" + fixture("survey-tab.csv"),
                "--store=" + second, "--mapping-of=" + earlier));

        assertThat(command.getExitCode()).isZero();
        assertThat(jdbc.sql("select come_back from survey_answer where store_id = :s order by answered_at, id")
                .param("s", store).query(Integer.class).list()).containsExactly(0, 6, 10, 10);
    }

    @Test
    void exitsWithTwoForAColumnTheFileDoesNotHave() throws Exception {
        String name = "Shell surveys bad " + UUID.randomUUID();
        people.store(name);

        command.run(new DefaultApplicationArguments("import-surveys", "--file=" + fixture("survey-stars.csv"),
                "--store=" + name, "--comment=Nope"));

        assertThat(command.getExitCode()).isEqualTo(2);
    }

    @Test
    void exitsWithOneWhenEveryRowIsRejected() throws Exception {
        String name = "Shell surveys wrong " + UUID.randomUUID();
        long store = people.store(name);

        command.run(new DefaultApplicationArguments("import-surveys", "--file=" + fixture("survey-stars.csv"),
                "--store=" + name, "--date-format=dd.MM.yyyy"));

        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(answers(store)).isEmpty();
    }
}
