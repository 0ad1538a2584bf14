package org.ruleone.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.springframework.stereotype.Service;

/** The ledger's figures for other modules' screens (the home dashboard). */
@Service
public class LedgerFigures {

    private final SpendLedger ledger;
    private final Organization organization;
    private final Clock clock;

    LedgerFigures(SpendLedger ledger, Organization organization, Clock clock) {
        this.ledger = ledger;
        this.organization = organization;
        this.clock = clock;
    }

    /** What a store's resolutions cost this calendar month (in the store's time zone), per currency, by code. */
    public Map<String, BigDecimal> spentThisMonth(long storeId) {
        ZoneId zone = organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        YearMonth month = YearMonth.now(clock.withZone(zone));
        Map<String, BigDecimal> spent = new TreeMap<>();
        for (SpendLedger.Line line : ledger.since(month.atDay(1).atStartOfDay(zone).toInstant(), Optional.of(storeId))) {
            if (line.month().equals(month)) {
                spent.merge(line.currency(), line.spent(), BigDecimal::add);
            }
        }
        return spent;
    }
}
