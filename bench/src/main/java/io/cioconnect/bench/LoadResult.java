package io.cioconnect.bench;

/**
 * What one load run measured. {@code ratePerSecond} is the completed-request rate; for an open-loop run
 * {@code targetRate} is the rate asked for, and latencies count from each request's intended send time.
 */
record LoadResult(String name, String mode, int clients, double targetRate, double seconds, long ok, long errors,
        double ratePerSecond, double p50, double p99, double p999, double max) {

    static LoadResult of(String name, String mode, int clients, double targetRate, double seconds, long errors,
            Latencies.Summary latencies) {
        return new LoadResult(name, mode, clients, targetRate, seconds, latencies.count(), errors,
                latencies.count() / seconds, latencies.percentileMillis(50), latencies.percentileMillis(99),
                latencies.percentileMillis(99.9), latencies.maxMillis());
    }
}
