package org.ruleone.service;

/** What an associate did for the customer; each kind names the details it records. */
public enum ResolutionKind {
    REFUND(ResolutionDetails.Refund.class),
    EXCHANGE(ResolutionDetails.None.class),
    REPLACEMENT_SHIPPED(ResolutionDetails.Replacement.class),
    GOODWILL(ResolutionDetails.None.class),
    ALTERATION(ResolutionDetails.Alteration.class),
    AFTER_HOURS_VISIT(ResolutionDetails.Visit.class),
    LIFETIME_GUARANTEE(ResolutionDetails.None.class),
    LOST_AND_FOUND(ResolutionDetails.FoundItem.class),
    /** The customer needed only an answer: nothing given, nothing spent. */
    ANSWERED(ResolutionDetails.None.class);

    private final Class<? extends ResolutionDetails> details;

    ResolutionKind(Class<? extends ResolutionDetails> details) {
        this.details = details;
    }

    /** True when these details belong to a resolution of this kind. */
    public boolean takes(ResolutionDetails candidate) {
        return details.isInstance(candidate);
    }
}
