package dev.incidents.bench;

import org.HdrHistogram.Histogram;

/** What one load phase measured: completed requests per second, latency percentiles, errors. */
record LoadResult(String phase, double perSecond, Histogram latencyMicros, long errors) {

    String line() {
        return String.format("%-32s %10.0f /s   p50 %8.1f ms   p99 %8.1f ms   max %8.1f ms   errors %d", phase,
                perSecond, latencyMicros.getValueAtPercentile(50) / 1000.0,
                latencyMicros.getValueAtPercentile(99) / 1000.0, latencyMicros.getMaxValue() / 1000.0, errors);
    }
}
