package org.ruleone.training.web;

import java.time.LocalDate;
import java.util.List;

import org.ruleone.training.SessionDraft;
import org.springframework.format.annotation.DateTimeFormat;

/** The session set-up form: the scenario, the store (the owner picks it), the date and the people in their parts. */
record SessionForm(Long scenarioId, Long storeId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
                   Long customerPlayer, Long associatePlayer, List<Long> watchers) {

    boolean complete() {
        return scenarioId != null && storeId != null && plannedOn != null && customerPlayer != null
                && associatePlayer != null;
    }

    SessionDraft draft() {
        return new SessionDraft(scenarioId, storeId, plannedOn, customerPlayer, associatePlayer,
                watchers == null ? List.of() : watchers.stream().filter(w -> w != null).distinct().toList());
    }
}
