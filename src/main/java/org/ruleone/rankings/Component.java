package org.ruleone.rankings;

/** What a ranking weighs, in the order it is shown; service and reputation first, sales last. */
public enum Component {
    EXPERIENCE, HEROICS, MYSTERY, CAME_BACK, STANDARDS, TRAINING, SALES;

    /** The message key of the component's name, e.g. {@code rankings.component.CAME_BACK}. */
    public String messageKey() {
        return "rankings.component." + name();
    }
}
