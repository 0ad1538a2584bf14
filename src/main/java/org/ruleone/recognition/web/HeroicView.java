package org.ruleone.recognition.web;

import java.util.List;

/**
 * A heroic as a card shows it to one viewer: the client's name and the case's link only to those who may see the
 * client's store, the case's facts to everyone (ADR 0104).
 */
record HeroicView(long id, List<Hero> heroes, String reporterName, String happenedOn, String what, boolean hasPhoto,
                  String clientName, Long clientId, Facts facts, int thanks, boolean thankedByMe, int comments,
                  boolean mayComment, boolean mayMarkLegend, Long legendId, String legendTitle) {

    record Hero(long id, String name, String storeName) {
    }

    /**
     * What the linked case shows: what was spent on the client (resolutions' cost), how fast it was resolved, and
     * whether the client came back (a purchase after it).
     *
     * @param caseLink same-site link to the case, or {@code null} when the viewer may not see it
     */
    record Facts(long caseId, String caseLink, String subject, String spent, String howFast, String cameBack) {
    }
}
