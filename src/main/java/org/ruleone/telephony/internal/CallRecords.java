package org.ruleone.telephony.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCall;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Phone calls in the database. Reads take the store scope of the person asking ({@code null} for an owner). */
@Repository
public class CallRecords {

    private final JdbcClient jdbc;

    CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CallDraft d, Instant now) {
        return jdbc.sql("""
                insert into phone_call (store_id, customer_id, caller_number, associate_id, ringing_at, rings,
                                        seconds_to_answer, outcome, duration_seconds, case_id, source, logged_by,
                                        created_at)
                values (:store, :customer, :number, :associate, :ringingAt, :rings, :toAnswer, :outcome, :duration,
                        :case, :source, :loggedBy, :now)
                returning id
                """)
                .param("store", d.storeId()).param("customer", d.customerId()).param("number", d.callerNumber())
                .param("associate", d.associateId()).param("ringingAt", Timestamp.from(d.ringingAt()))
                .param("rings", d.rings()).param("toAnswer", d.secondsToAnswer())
                .param("outcome", d.outcome().name()).param("duration", d.durationSeconds())
                .param("case", d.caseId()).param("source", d.source().name()).param("loggedBy", d.loggedBy())
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public List<PhoneCall> recent(Long scope, Long store, int limit) {
        return jdbc.sql("""
                select * from phone_call
                 where (cast(:scope as bigint) is null or store_id = :scope)
                   and (cast(:store as bigint) is null or store_id = :store)
                 order by ringing_at desc, id desc limit :limit
                """)
                .param("scope", scope).param("store", store).param("limit", limit)
                .query(CallRecords::call).list();
    }

    public List<PhoneCall> ofCase(long caseId) {
        return jdbc.sql("select * from phone_call where case_id = :case order by ringing_at, id")
                .param("case", caseId).query(CallRecords::call).list();
    }

    private static PhoneCall call(ResultSet rs, int row) throws SQLException {
        return new PhoneCall(rs.getLong("id"), rs.getLong("store_id"), (Long) rs.getObject("customer_id"),
                rs.getString("caller_number"), (Long) rs.getObject("associate_id"),
                rs.getTimestamp("ringing_at").toInstant(), (Integer) rs.getObject("rings"),
                (Integer) rs.getObject("seconds_to_answer"), CallOutcome.valueOf(rs.getString("outcome")),
                (Integer) rs.getObject("duration_seconds"), (Long) rs.getObject("case_id"),
                CallSource.valueOf(rs.getString("source")), rs.getTimestamp("created_at").toInstant());
    }
}
