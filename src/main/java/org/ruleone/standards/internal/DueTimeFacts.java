package org.ruleone.standards.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.ServiceStandards;
import org.ruleone.standards.Standard;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's due times on its page: warning when at risk, alert when breached. */
@Component
@Order(10)
class DueTimeFacts implements CaseFactsSource {

    private final CaseClocks clocks;
    private final ServiceStandards standards;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    DueTimeFacts(CaseClocks clocks, ServiceStandards standards, JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.clocks = clocks;
        this.standards = standards;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<CaseFact> facts(long caseId, Locale locale) {
        return clocks.find(caseId).map(c -> facts(c, locale)).orElse(List.of());
    }

    private List<CaseFact> facts(CaseClock c, Locale locale) {
        Instant now = clock.instant();
        BusinessCalendar calendar = standards.calendarOf(c.storeId());
        List<CaseFact> facts = new ArrayList<>();
        for (Standard standard : List.of(Standard.FIRST_RESPONSE, Standard.RESOLUTION)) {
            CaseClock.State state = c.state(standard, now, calendar);
            Instant due = c.due(standard);
            Instant done = c.done(standard);
            String dueText = Formats.when(due, calendar.zone(), locale);
            String value = switch (state) {
                case MET -> text("standards.fact.met", locale, Formats.when(done, calendar.zone(), locale), dueText);
                case BREACHED -> done != null
                        ? text("standards.fact.late", locale, dueText, Formats.when(done, calendar.zone(), locale))
                        : text("standards.fact.overdue", locale, dueText,
                                Formats.duration(calendar.between(due, now), messages, locale));
                case PAUSED -> text("standards.fact.paused", locale, dueText);
                case AT_RISK, RUNNING -> text("standards.fact.due", locale, dueText,
                        Formats.duration(calendar.between(now, due), messages, locale));
            };
            CaseFact.Tone tone = switch (state) {
                case MET -> CaseFact.Tone.GOOD;
                case BREACHED -> CaseFact.Tone.ALERT;
                case AT_RISK -> CaseFact.Tone.WARNING;
                case RUNNING, PAUSED -> CaseFact.Tone.NORMAL;
            };
            facts.add(new CaseFact(text("standards.fact." + standard.name(), locale), value, tone));
        }
        jdbc.sql("""
                select breached_at, detail from standard_breach
                 where case_id = :id and standard = 'PHONE_ANSWER' order by breached_at
                """)
                .param("id", c.caseId())
                .query((rs, n) -> new CaseFact(text("standards.fact.PHONE_ANSWER", locale),
                        text("standards.fact.call", locale, Formats.when(rs.getTimestamp(1).toInstant(),
                                calendar.zone(), locale), callDetail(rs.getString(2), locale)),
                        CaseFact.Tone.ALERT))
                .list().forEach(facts::add);
        return facts;
    }

    /** "RINGS:5" or "OUTCOME:MISSED", as stored by the keeper. */
    String callDetail(String detail, Locale locale) {
        if (detail != null && detail.startsWith("RINGS:")) {
            return text("standards.call.rings", locale, detail.substring(6));
        }
        String outcome = detail != null && detail.startsWith("OUTCOME:") ? detail.substring(8) : "";
        return text("standards.call.outcome." + (outcome.isBlank() ? "MISSED" : outcome.toUpperCase(Locale.ROOT)),
                locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
