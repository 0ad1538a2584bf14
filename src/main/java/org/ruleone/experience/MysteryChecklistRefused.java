package org.ruleone.experience;

import java.util.List;

/** A checklist draft that was not saved, with everything wrong with it. */
public class MysteryChecklistRefused extends RuntimeException {

    private final transient List<MysteryChecklistProblem> problems;

    public MysteryChecklistRefused(List<MysteryChecklistProblem> problems) {
        super("checklist refused: " + problems.stream().map(MysteryChecklistProblem::code).toList());
        this.problems = List.copyOf(problems);
    }

    public List<MysteryChecklistProblem> problems() {
        return problems;
    }
}
