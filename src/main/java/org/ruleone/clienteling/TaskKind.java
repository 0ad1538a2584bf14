package org.ruleone.clienteling;

/** Why a task exists. */
public enum TaskKind {
    THANK_YOU, FOLLOW_UP, BIRTHDAY, ANNIVERSARY, LAPSED, MANUAL, SEND_ITEM
}
