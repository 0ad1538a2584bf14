package org.ruleone.recognition.internal;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.ruleone.mail.PersonalMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A heroic is about an associate: the act stays (who, when, the story, the thanks, the rankings' credit, and the
 * link to the client, now a pseudonym, that the proof's "served by a hero of theirs" counts on); its photos go (they
 * may show the client), and the client's names in its story and comments, and in the mail that told the heroes, become the pseudonym (ADR 0117).
 */
@Component
class HeroicErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;
    private final PersonalMail mail;

    HeroicErasure(JdbcClient jdbc, ClientIdentifiers identifiers, PersonalMail mail) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
        this.mail = mail;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        identifiers.of(clientId).ifPresent(who -> {
            jdbc.sql("""
                            update heroic set what = regexp_replace(what, :pattern, :pseudonym, 'gi')
                             where customer_id = :id and what ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
            jdbc.sql("""
                            update heroic_comment set body = regexp_replace(body, :pattern, :pseudonym, 'gi')
                             where heroic_id in (select id from heroic where customer_id = :id) and body ~* :pattern
                            """)
                    .param("pattern", who.pattern()).param("pseudonym", pseudonym).param("id", clientId).update();
            jdbc.sql("select id from heroic where customer_id = :id").param("id", clientId).query(Long.class).list()
                    .forEach(heroic -> mail.forgetMentionsIn("heroic:" + heroic + ":", who.pattern(), pseudonym));
        });
        jdbc.sql("delete from heroic_photo where heroic_id in (select id from heroic where customer_id = :id)")
                .param("id", clientId).update();
    }
}
