package org.ruleone.organization.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the hire and deactivation dates that {@link Tenure} turns into figures, for the chain or one store. */
@Component
public class TenureFacts {

    private final JdbcClient jdbc;

    TenureFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone, active or not; a deactivation's day is taken in UTC, as the tenure page counts years (ADR 0107). */
    public List<Tenure.Person> people(Optional<Long> store) {
        return jdbc.sql("""
                select hire_date, active, deactivated_at from associate
                 where cast(:store as bigint) is null or store_id = :store
                """)
                .param("store", store.orElse(null))
                .query((rs, n) -> {
                    Date hired = rs.getDate("hire_date");
                    Timestamp left = rs.getTimestamp("deactivated_at");
                    return new Tenure.Person(hired == null ? null : hired.toLocalDate(), rs.getBoolean("active"),
                            left == null ? null : left.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
                })
                .list();
    }
}
