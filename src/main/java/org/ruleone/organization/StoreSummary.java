package org.ruleone.organization;

import java.time.ZoneId;

import org.ruleone.shared.Language;

public record StoreSummary(long id, String name, String address, String country, ZoneId timeZone, Language language) {
}
