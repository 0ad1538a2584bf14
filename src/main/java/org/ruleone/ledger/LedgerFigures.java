package org.ruleone.ledger;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Money;
import org.ruleone.shared.MoneyTotals;
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

    /**
     * What a store's resolutions cost this calendar month (in the store's time zone), one total
     * per currency, by code (a store may have spent in more than one).
     */
    public List<Money> spentThisMonth(long storeId) {
        ZoneId zone = organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        YearMonth month = YearMonth.now(clock.withZone(zone));
        MoneyTotals spent = new MoneyTotals();
        for (SpendLedger.Line line : ledger.since(month.atDay(1).atStartOfDay(zone).toInstant(), Optional.of(storeId))) {
            if (line.month().equals(month)) {
                spent.add(line.spent());
            }
        }
        return spent.amounts();
    }
}
