package dev.incidents.bench;

import org.slf4j.LoggerFactory;

/**
 * How every benchmark's main ends: exit 0 once it has printed its figures, 1 with the failure logged, so that
 * run.sh's status tells which (and no non-daemon thread of a client left open keeps the JVM alive).
 */
final class BenchmarkRun {

    interface Body {
        void run() throws Exception;
    }

    private BenchmarkRun() {
    }

    static void exitAfter(Class<?> benchmark, Body body) {
        try {
            body.run();
            System.exit(0);
        } catch (Exception e) {
            LoggerFactory.getLogger(benchmark).error("Benchmark failed", e);
            System.exit(1);
        }
    }
}
