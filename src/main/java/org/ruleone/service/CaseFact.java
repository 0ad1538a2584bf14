package org.ruleone.service;

/**
 * One fact shown on a case's page.
 *
 * @param label already-formatted label, e.g. "First response due"
 * @param value already-formatted value, e.g. "Mon 14:30 (in 2 h)"; user data is escaped when rendered
 * @param tone  how the page draws it: {@link Tone#WARNING} for at risk, {@link Tone#ALERT} for breached
 * @param link  a same-site path to more detail, or {@code null}
 */
public record CaseFact(String label, String value, Tone tone, String link) {

    public enum Tone { NORMAL, GOOD, WARNING, ALERT }

    public CaseFact(String label, String value, Tone tone) {
        this(label, value, tone, null);
    }
}
