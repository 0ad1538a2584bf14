package org.ruleone.recognition;

import java.time.LocalDate;
import java.util.List;

import org.ruleone.platform.Photos;

/**
 * A heroic as its reporter tells it.
 *
 * @param heroIds    who did it: one or more associates of any store, never the reporter
 * @param happenedOn the day it happened, not after today
 * @param customerId the client it was for, among those the reporter may see, or {@code null}
 * @param caseId     the case it was about, among those the reporter may see, or {@code null}
 * @param what       what happened, in any language, at most {@link Heroics#MAX_TEXT} characters
 * @param photo      a photo of the moment that passed {@link Photos#check}, or {@code null}
 */
public record HeroicDraft(List<Long> heroIds, LocalDate happenedOn, Long customerId, Long caseId, String what,
                          Photos.Photo photo) {

    public HeroicDraft {
        heroIds = heroIds == null ? List.of() : heroIds.stream().distinct().toList();
    }
}
