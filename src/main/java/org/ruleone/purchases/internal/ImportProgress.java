package org.ruleone.purchases.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How far a run is, read by the heartbeat thread, and how long each phase took, for the log. */
final class ImportProgress {

    final long size;
    final AtomicLong bytes = new AtomicLong();
    final AtomicInteger rows = new AtomicInteger();
    final StringBuilder laps = new StringBuilder();
    private long lapStart = System.nanoTime();

    ImportProgress(long size) {
        this.size = size;
    }

    int permille() {
        return size <= 0 ? 0 : (int) Math.min(950, Math.min(bytes.get(), size) * 950 / size);
    }

    /** Notes how long a phase took, for the log (elapsed time of the process, not business time). */
    void lap(String phase) {
        long now = System.nanoTime();
        laps.append(laps.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - lapStart) / 1_000_000)
                .append(" ms");
        lapStart = now;
    }

    /** The file, counting the bytes read for the progress bar. */
    InputStream counting(InputStream in) {
        return new Counting(in, bytes);
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.lazySet(count.get() + n);
            }
            return n;
        }
    }
}
