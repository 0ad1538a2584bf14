package org.ruleone.purchases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.customers.ClientFigure;
import org.ruleone.customers.ClientFiguresSource;
import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a client's page shows about their purchases: headline figures and one timeline entry per invoice. */
@Component
class PurchaseHistory implements ClientFiguresSource, TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    PurchaseHistory(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private record Totals(long visits, BigDecimal spend, Instant first, Instant last, long returns,
                          BigDecimal returned, String zone) {
    }

    @Override
    public List<ClientFigure> figures(long customerId, Locale locale) {
        Totals t = jdbc.sql("""
                select count(*), coalesce(sum(p.total), 0), min(p.purchased_at), max(p.purchased_at),
                       count(*) filter (where p.is_return), coalesce(sum(p.total) filter (where p.is_return), 0),
                       (select s.time_zone from purchase q join store_directory s on s.id = q.store_id
                         where q.customer_id = :customer order by q.purchased_at desc limit 1)
                  from purchase p where p.customer_id = :customer
                """)
                .param("customer", customerId)
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getLong(5), rs.getBigDecimal(6), rs.getString(7)))
                .single();
        if (t.visits() == 0) {
            return List.of();
        }
        List<ClientFigure> figures = new ArrayList<>();
        figures.add(new ClientFigure("figures.lifetimeSpend", money(t.spend(), locale)));
        figures.add(new ClientFigure("figures.visits", NumberFormat.getIntegerInstance(locale).format(t.visits())));
        ZoneId zone = t.zone() == null ? ZoneId.of("UTC") : ZoneId.of(t.zone());
        figures.add(new ClientFigure("figures.lastVisit", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone).format(t.last())));
        if (t.visits() > 1) {
            double days = Duration.between(t.first(), t.last()).toHours() / 24.0 / (t.visits() - 1);
            NumberFormat oneDecimal = NumberFormat.getNumberInstance(locale);
            oneDecimal.setMaximumFractionDigits(1);
            figures.add(new ClientFigure("figures.visitFrequency",
                    message("figures.visitFrequency.value", locale, oneDecimal.format(days))));
        }
        if (t.returns() > 0) {
            figures.add(new ClientFigure("figures.returns", message("figures.returns.value", locale,
                    NumberFormat.getIntegerInstance(locale).format(t.returns()), money(t.returned().abs(), locale))));
        }
        return figures;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return jdbc.sql("""
                select invoice_no, purchased_at, total, items, is_return from purchase
                 where customer_id = :customer order by purchased_at desc, id desc limit :limit
                """)
                .param("customer", customerId).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(5) ? "timeline.return" : "timeline.purchase",
                        message("timeline.purchase.title", locale, rs.getString(1), money(rs.getBigDecimal(3), locale)),
                        message("timeline.purchase.detail", locale,
                                NumberFormat.getIntegerInstance(locale).format(Math.abs(rs.getLong(4)))),
                        null))
                .list();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String money(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
