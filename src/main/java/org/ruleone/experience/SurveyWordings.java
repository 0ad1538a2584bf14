package org.ruleone.experience;

import java.time.Clock;
import java.util.Optional;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The survey's wording per language: the latest version is asked, every version stays for the answers given it. */
@Service
public class SurveyWordings {

    private static final String COLUMNS = """
            select id, language, version, come_back, satisfaction_help, satisfaction_visit, comment_prompt
              from survey_wording""";

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyWordings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest version in this language (V114 ships version 1 of each). */
    public SurveyWording current(Language language) {
        return jdbc.sql(COLUMNS + " where language = :language order by version desc limit 1")
                .param("language", language.code()).query(SurveyWordings::wording).single();
    }

    public Optional<SurveyWording> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(SurveyWordings::wording).optional();
    }

    /** Saves a new version of this language's wording, leaving earlier versions to the answers that used them. */
    @Transactional
    public SurveyWording revise(Language language, String comeBack, String satisfactionHelp, String satisfactionVisit,
                                String commentPrompt, long byAssociateId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('survey_wording:' || :language))")
                .param("language", language.code()).query().singleValue();
        jdbc.sql("""
                insert into survey_wording (language, version, come_back, satisfaction_help, satisfaction_visit,
                                            comment_prompt, created_by, created_at)
                select :language, coalesce(max(version), 0) + 1, :comeBack, :help, :visit, :comment, :by, :at
                  from survey_wording where language = :language""")
                .param("language", language.code()).param("comeBack", comeBack.strip())
                .param("help", satisfactionHelp.strip()).param("visit", satisfactionVisit.strip())
                .param("comment", commentPrompt.strip()).param("by", byAssociateId)
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        return current(language);
    }

    private static SurveyWording wording(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SurveyWording(rs.getLong("id"), Language.fromCode(rs.getString("language")).orElseThrow(),
                rs.getInt("version"), rs.getString("come_back"), rs.getString("satisfaction_help"),
                rs.getString("satisfaction_visit"), rs.getString("comment_prompt"));
    }
}
