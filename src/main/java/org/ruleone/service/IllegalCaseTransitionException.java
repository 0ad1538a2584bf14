package org.ruleone.service;

/** A case was asked to do something its status does not allow, such as replying on a resolved case. */
public class IllegalCaseTransitionException extends IllegalStateException {

    private final long caseId;
    private final CaseStatus status;

    public IllegalCaseTransitionException(long caseId, CaseStatus status, String transition) {
        super("Case " + caseId + " is " + status + " and cannot " + transition);
        this.caseId = caseId;
        this.status = status;
    }

    public long caseId() {
        return caseId;
    }

    public CaseStatus status() {
        return status;
    }
}
