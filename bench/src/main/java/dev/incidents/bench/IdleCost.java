package dev.incidents.bench;

import java.time.Duration;

/**
 * What the deadline scans of an idle projection cost: stream-thread CPU (polling and commits included) per scan,
 * a scan being a clock tick processed or a wall-clock punctuation, plus Kafka Streams' own punctuation latency.
 */
record IdleCost(int openIncidents, double scansPerSecond, double cpuMillisPerSecond, double cpuMicrosPerScan,
                double punctuateLatencyMicros) {

    static IdleCost measure(ProjectionInstance projection, int openIncidents, Duration duration)
            throws InterruptedException {
        Thread.sleep(2_000); // past the catch-up's last commit
        long cpu = projection.streamThreadCpuNanos();
        double punctuations = projection.threadMetric("punctuate-total");
        double records = projection.threadMetric("process-total");
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuNanos = projection.streamThreadCpuNanos() - cpu;
        double scans = projection.threadMetric("punctuate-total") - punctuations
                + projection.threadMetric("process-total") - records;
        return new IdleCost(openIncidents, scans / seconds, cpuNanos / 1e6 / seconds, cpuNanos / 1e3 / scans,
                projection.threadMetric("punctuate-latency-avg") * 1000);
    }

    String line() {
        return String.format("%,8d open incidents: %5.1f scans/s, stream thread CPU %6.1f ms/s, %7.0f us CPU per scan,"
                + " punctuation latency avg %5.0f us", openIncidents, scansPerSecond, cpuMillisPerSecond,
                cpuMicrosPerScan, punctuateLatencyMicros);
    }
}
