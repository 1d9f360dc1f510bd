package io.cioconnect.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples in nanoseconds, kept whole (a run holds at most a few hundred thousand), then ranked. */
final class Latencies {

    private long[] samples = new long[4096];
    private int count;

    void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    /** All samples of several recorders, sorted, as a summary. */
    static Summary summarise(List<Latencies> recorders) {
        int total = recorders.stream().mapToInt(Latencies::count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.samples, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return new Summary(all);
    }

    /** Sorted samples; percentiles by nearest rank, in milliseconds. */
    static final class Summary {
        private final long[] sorted;

        Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        double percentileMillis(double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            // Less a hair: 99.9 % of 1000 is rank 999, which floating point would round up to 1000.
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length - 1e-9);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }
    }
}
