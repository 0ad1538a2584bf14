package org.ruleone.experience;

/** How a mystery-shopping item is answered: yes or no, a score from 1 to 5, or a number checked against a target. */
public enum MysteryAnswerType {
    YES_NO, SCALE, NUMBER
}
