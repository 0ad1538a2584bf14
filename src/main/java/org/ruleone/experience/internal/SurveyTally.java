package org.ruleone.experience.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * What came back in one slice (a store, a week, a month…), as counts, and the figures worked out from them. Counts
 * add up, so a period's tally is the sum of its weeks' and a chain's the sum of its stores'.
 * <p>
 * Only complete answers are scored; each figure counts the answers that answered its question (a skipped question
 * is not a zero). The come-back score is the share of 9–10 minus the share of 0–6, in points from −100 to 100; its
 * 95% confidence interval is the normal approximation of the difference of two shares of one multinomial sample:
 * Var = ((p + d) − (p − d)²) / n, score ± 1.96 · √Var, cut to [−100, 100].
 *
 * @param complete          answers submitted to the end (the "responses")
 * @param partial           answers started and not submitted: shown apart, never scored
 * @param promoters         complete answers with come-back 9–10
 * @param passives          complete answers with come-back 7–8
 * @param detractors        complete answers with come-back 0–6
 * @param satisfactionCount complete answers that gave a satisfaction (1–5)
 * @param satisfied         of those, 4 or 5
 * @param invitationsSent   invitations sent in the slice
 * @param invitationsAnswered of those, answered to the end
 */
public record SurveyTally(long complete, long partial, long promoters, long passives, long detractors,
                          long satisfactionCount, long satisfied, long invitationsSent, long invitationsAnswered) {

    /** Below this many answers to the question, the page says the figure cannot be trusted yet. */
    public static final int TOO_FEW = 30;

    /** z of a two-sided 95% interval of the normal distribution, as the hand computation uses it. */
    static final double Z_95 = 1.96;

    public static final SurveyTally NONE = new SurveyTally(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public SurveyTally plus(SurveyTally other) {
        return new SurveyTally(complete + other.complete, partial + other.partial, promoters + other.promoters,
                passives + other.passives, detractors + other.detractors,
                satisfactionCount + other.satisfactionCount, satisfied + other.satisfied,
                invitationsSent + other.invitationsSent, invitationsAnswered + other.invitationsAnswered);
    }

    public static SurveyTally sum(Collection<SurveyTally> tallies) {
        return tallies.stream().reduce(NONE, SurveyTally::plus);
    }

    /** Complete answers that answered "will you come back?". */
    public long comeBackCount() {
        return promoters + passives + detractors;
    }

    /** % 9–10 minus % 0–6, from −100 to 100; empty when nobody answered the question. */
    public Optional<Double> comeBackScore() {
        long n = comeBackCount();
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(100.0 * (promoters - detractors) / n);
    }

    /** The 95% confidence interval of the come-back score, as {low, high}; empty when nobody answered. */
    public Optional<double[]> comeBackInterval() {
        long n = comeBackCount();
        if (n == 0) {
            return Optional.empty();
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double variance = ((p + d) - (p - d) * (p - d)) / n;
        double margin = 100.0 * Z_95 * Math.sqrt(Math.max(0, variance));
        double score = 100.0 * (p - d);
        return Optional.of(new double[] {Math.max(-100, score - margin), Math.min(100, score + margin)});
    }

    /** Top-2-box satisfaction: % of 4 and 5 among the answers that gave a satisfaction. */
    public Optional<Double> satisfiedShare() {
        return satisfactionCount == 0 ? Optional.empty() : Optional.of(100.0 * satisfied / satisfactionCount);
    }

    /** Invitations sent in the slice that were answered to the end, in %; empty when none were sent. */
    public Optional<Double> responseRate() {
        return invitationsSent == 0 ? Optional.empty() : Optional.of(100.0 * invitationsAnswered / invitationsSent);
    }

    /** Too few answers to the come-back question for its score to say anything. */
    public boolean tooFew() {
        return comeBackCount() < TOO_FEW;
    }
}
