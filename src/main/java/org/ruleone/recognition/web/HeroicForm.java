package org.ruleone.recognition.web;

import java.util.List;

/** The report form as typed: heroes, the day (ISO), the client and case ids, what happened. */
record HeroicForm(List<Long> heroes, String happenedOn, Long clientId, Long caseId, String what) {

    HeroicForm {
        heroes = heroes == null ? List.of() : List.copyOf(heroes);
    }
}
