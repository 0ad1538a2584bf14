package org.ruleone.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files on cases. Reads take the store scope of the person asking ({@code null} for an owner or the system). */
@Repository
class CaseAttachments {

    private static final String COLUMNS = "a.id, a.case_id, a.file_name, a.content_type, a.size, a.associate_id, a.created_at";

    private final JdbcClient jdbc;

    CaseAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, String fileName, String contentType, byte[] content, Long associateId, Instant at) {
        return jdbc.sql("""
                insert into case_attachment (case_id, file_name, content_type, size, content, associate_id, created_at)
                values (:case, :name, :type, :size, :content, :associate, :at)
                returning id
                """)
                .param("case", caseId).param("name", fileName).param("type", contentType)
                .param("size", (long) content.length).param("content", content)
                .param("associate", associateId).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    List<CaseAttachment> ofCase(long caseId, Long scope) {
        return jdbc.sql("select " + COLUMNS + """
                 from case_attachment a join service_case c on c.id = a.case_id
                 where a.case_id = :case and (cast(:scope as bigint) is null or c.store_id = :scope)
                 order by a.created_at, a.id
                """)
                .param("case", caseId).param("scope", scope)
                .query(CaseAttachments::attachment).list();
    }

    Optional<CaseAttachment.File> file(long caseId, long attachmentId, Long scope) {
        return jdbc.sql("select " + COLUMNS + ", a.content" + """
                 from case_attachment a join service_case c on c.id = a.case_id
                 where a.id = :id and a.case_id = :case and (cast(:scope as bigint) is null or c.store_id = :scope)
                """)
                .param("id", attachmentId).param("case", caseId).param("scope", scope)
                .query((rs, n) -> new CaseAttachment.File(attachment(rs, n), rs.getBytes("content")))
                .optional();
    }

    private static CaseAttachment attachment(ResultSet rs, int row) throws SQLException {
        return new CaseAttachment(rs.getLong("id"), rs.getLong("case_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size"), (Long) rs.getObject("associate_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
