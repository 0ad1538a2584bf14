package org.ruleone.organization;

import java.time.ZoneId;
import java.util.List;

import org.ruleone.shared.Language;

public record StoreDraft(String name, String address, String country, ZoneId timeZone, Language language,
                         List<BusinessHours> hours) {
}
