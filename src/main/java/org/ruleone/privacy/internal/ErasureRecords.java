package org.ruleone.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruleone.privacy.Erasures.Erasure;
import org.ruleone.privacy.Erasures.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proofs of erasure in the database. */
@Repository
public class ErasureRecords {

    private static final String COLUMNS =
            "id, store_id, customer_id, pseudonym, reason, source, erased_by, erased_at";

    private final JdbcClient jdbc;

    ErasureRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Erasure add(long storeId, long clientId, String pseudonym, String reason, Source source, Long by,
                       Instant at) {
        long id = jdbc.sql("""
                        insert into privacy_erasure (store_id, customer_id, pseudonym, reason, source, erased_by, erased_at)
                        values (:store, :client, :pseudonym, :reason, :source, :by, :at)
                        returning id
                        """)
                .param("store", storeId).param("client", clientId).param("pseudonym", pseudonym)
                .param("reason", reason).param("source", source.name()).param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class).single();
        return new Erasure(id, storeId, clientId, pseudonym, reason, source, by, at);
    }

    public Optional<Erasure> ofClient(long clientId) {
        return jdbc.sql("select " + COLUMNS + " from privacy_erasure where customer_id = :client")
                .param("client", clientId).query(ErasureRecords::erasure).optional();
    }

    public List<Erasure> newestFirst(Optional<Long> scope, int limit) {
        return jdbc.sql("select " + COLUMNS + " from privacy_erasure"
                        + " where (cast(:store as bigint) is null or store_id = :store)"
                        + " order by erased_at desc, id desc limit :limit")
                .param("store", scope.orElse(null)).param("limit", limit)
                .query(ErasureRecords::erasure).list();
    }

    private static Erasure erasure(ResultSet rs, int row) throws SQLException {
        return new Erasure(rs.getLong("id"), rs.getLong("store_id"), rs.getLong("customer_id"),
                rs.getString("pseudonym"), rs.getString("reason"), Source.valueOf(rs.getString("source")),
                rs.getObject("erased_by", Long.class), rs.getTimestamp("erased_at").toInstant());
    }
}
