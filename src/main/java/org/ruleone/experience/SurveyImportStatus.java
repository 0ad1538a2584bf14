package org.ruleone.experience;

/** Where an import of survey results stands; a run whose process died while RUNNING shows INTERRUPTED. */
public enum SurveyImportStatus {
    RUNNING, COMPLETED, FAILED, INTERRUPTED;

    public boolean finished() {
        return this != RUNNING;
    }
}
