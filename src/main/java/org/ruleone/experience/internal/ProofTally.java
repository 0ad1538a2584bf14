package org.ruleone.experience.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counts behind "does experience bring them back?": per window and group, the clients whose window has ended,
 * those of them who came back, and those left out because their window has not ended yet.
 */
public final class ProofTally {

    /** One group in one window. */
    public record Cell(long n, long back, long notEnded) {

        static final Cell EMPTY = new Cell(0, 0, 0);

        Cell plus(Cell other) {
            return new Cell(n + other.n, back + other.back, notEnded + other.notEnded);
        }

        public ComeBack.Share share() {
            return new ComeBack.Share(n, back);
        }
    }

    /** A client's experience: when it happened and the groups it puts them in. */
    public record Experience(long customerId, Instant at, Set<ProofGroup> groups) {
    }

    private final Map<ProofWindow, Map<ProofGroup, Cell>> cells = new EnumMap<>(ProofWindow.class);

    public ProofTally() {
        for (ProofWindow w : ProofWindow.values()) {
            cells.put(w, new EnumMap<>(ProofGroup.class));
        }
    }

    public Cell cell(ProofWindow window, ProofGroup group) {
        return cells.get(window).getOrDefault(group, Cell.EMPTY);
    }

    public ComeBack.Comparison comparison(ProofWindow window, ProofGroup.Pair pair) {
        return new ComeBack.Comparison(cell(window, pair.first()).share(), cell(window, pair.second()).share());
    }

    /** Adds counts to each of {@code groups}. */
    public void add(ProofWindow window, Collection<ProofGroup> groups, Cell cell) {
        for (ProofGroup g : groups) {
            cells.get(window).merge(g, cell, Cell::plus);
        }
    }

    /**
     * The definition (ADR 0108) counted one experience at a time: an experience is in a window only once the window
     * has ended by {@code now}; it came back when the client bought in (at, at + window]. The page counts the same
     * thing in SQL ({@link ProofFigures}); this is its reference.
     */
    public static ProofTally count(List<Experience> experiences, Map<Long, List<Instant>> purchases, Instant now) {
        ProofTally tally = new ProofTally();
        for (Experience e : experiences) {
            List<Instant> bought = purchases.getOrDefault(e.customerId(), List.of());
            for (ProofWindow w : ProofWindow.values()) {
                if (!w.ended(e.at(), now)) {
                    tally.add(w, e.groups(), new Cell(0, 0, 1));
                } else {
                    boolean back = bought.stream().anyMatch(p -> w.within(e.at(), p));
                    tally.add(w, e.groups(), new Cell(1, back ? 1 : 0, 0));
                }
            }
        }
        return tally;
    }
}
