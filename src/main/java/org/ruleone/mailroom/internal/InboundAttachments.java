package org.ruleone.mailroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ruleone.mail.MailAttachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files that came with a customer's mail too large to keep: their name, type and size, for the case page. */
@Repository
public class InboundAttachments {

    private final JdbcClient jdbc;
    private final Clock clock;

    InboundAttachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Stored(long id, long storeId, long caseId, String fileName, String contentType, long size,
                         boolean tooLarge) {
    }

    public void keep(long storeId, long caseId, long inboundId, List<MailAttachment> attachments) {
        for (MailAttachment file : attachments) {
            jdbc.sql("""
                    insert into mailroom_attachment (store_id, case_id, inbound_id, file_name, content_type, size,
                                                     too_large, content, created_at)
                    values (:store, :case, :inbound, :name, :type, :size, :tooLarge, :content, :now)
                    """)
                    .param("store", storeId).param("case", caseId).param("inbound", inboundId)
                    .param("name", file.fileName()).param("type", file.contentType()).param("size", file.size())
                    .param("tooLarge", file.tooLarge()).param("content", file.content() == null ? new byte[0] : file.content())
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }

    public List<Stored> ofCase(long caseId) {
        return jdbc.sql("""
                select id, store_id, case_id, file_name, content_type, size, too_large from mailroom_attachment
                 where case_id = :case order by id
                """)
                .param("case", caseId)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("store_id"), rs.getLong("case_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getBoolean("too_large")))
                .list();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("""
                select id, store_id, case_id, file_name, content_type, size, too_large from mailroom_attachment
                 where id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("store_id"), rs.getLong("case_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getBoolean("too_large")))
                .optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from mailroom_attachment where id = :id")
                .param("id", id).query((rs, n) -> rs.getBytes(1)).single();
    }
}
