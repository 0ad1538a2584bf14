package org.ruleone.experience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each store's {@link SurveyRules}: the saved row, else the defaults. */
@Service
public class SurveyRuleBook {

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyRuleBook(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SurveyRules of(long storeId) {
        return jdbc.sql("select * from survey_rules where store_id = :store").param("store", storeId)
                .query(SurveyRuleBook::rules).optional().orElseGet(() -> SurveyRules.defaults(storeId));
    }

    @Transactional
    public void save(SurveyRules rules, long byAssociateId) {
        jdbc.sql("""
                insert into survey_rules (store_id, after_case, after_case_delay_hours, after_purchase,
                                          after_purchase_delay_hours, in_store, cooldown_days, quiet_from, quiet_until,
                                          reminders, reminder_after_days, expiry_days, updated_by, updated_at)
                values (:store, :afterCase, :caseDelay, :afterPurchase, :purchaseDelay, :inStore, :cooldown, :from,
                        :until, :reminders, :reminderDays, :expiry, :by, :at)
                on conflict (store_id) do update set
                       after_case = excluded.after_case, after_case_delay_hours = excluded.after_case_delay_hours,
                       after_purchase = excluded.after_purchase,
                       after_purchase_delay_hours = excluded.after_purchase_delay_hours,
                       in_store = excluded.in_store, cooldown_days = excluded.cooldown_days,
                       quiet_from = excluded.quiet_from, quiet_until = excluded.quiet_until,
                       reminders = excluded.reminders, reminder_after_days = excluded.reminder_after_days,
                       expiry_days = excluded.expiry_days, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
                """)
                .param("store", rules.storeId()).param("afterCase", rules.afterCase())
                .param("caseDelay", rules.afterCaseDelayHours()).param("afterPurchase", rules.afterPurchase())
                .param("purchaseDelay", rules.afterPurchaseDelayHours()).param("inStore", rules.inStore())
                .param("cooldown", rules.cooldownDays()).param("from", Time.valueOf(rules.quietFrom()))
                .param("until", Time.valueOf(rules.quietUntil())).param("reminders", rules.reminders())
                .param("reminderDays", rules.reminderAfterDays()).param("expiry", rules.expiryDays())
                .param("by", byAssociateId).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private static SurveyRules rules(ResultSet rs, int row) throws SQLException {
        return new SurveyRules(rs.getLong("store_id"), rs.getBoolean("after_case"), rs.getInt("after_case_delay_hours"),
                rs.getBoolean("after_purchase"), rs.getInt("after_purchase_delay_hours"), rs.getBoolean("in_store"),
                rs.getInt("cooldown_days"), rs.getTime("quiet_from").toLocalTime(),
                rs.getTime("quiet_until").toLocalTime(), rs.getInt("reminders"), rs.getInt("reminder_after_days"),
                rs.getInt("expiry_days"));
    }
}
