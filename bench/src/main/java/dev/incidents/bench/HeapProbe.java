package dev.incidents.bench;

import dev.incidents.deploy.ManagedProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running service holds: its heap after a full collection (asked of it with the JDK's jcmd), which is what
 * the service keeps rather than what it happened to allocate last, and its resident set (heap, RocksDB and the rest)
 * from /proc.
 */
final class HeapProbe {

    /** A line per heap (G1: "garbage-first heap total ..., used ...K") or generation (Serial: DefNew, Tenured). */
    private static final Pattern HEAP_USED = Pattern.compile("\\btotal [^\\n]*?, used (\\d+)K");
    private static final Pattern RESIDENT = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Path JCMD = Path.of(ManagedProcess.javaExecutable()).resolveSibling("jcmd");

    record Sample(long heapAfterGcBytes, long residentBytes) {
    }

    private HeapProbe() {
    }

    static Sample of(ManagedProcess service) throws IOException, InterruptedException {
        jcmd(service.pid(), "GC.run");
        String heapInfo = jcmd(service.pid(), "GC.heap_info");
        long usedKilobytes = HEAP_USED.matcher(heapInfo).results().mapToLong(used -> Long.parseLong(used.group(1)))
                .sum();
        if (usedKilobytes == 0) {
            throw new IllegalStateException("No heap figure from jcmd for " + service.name() + ": " + heapInfo);
        }
        return new Sample(usedKilobytes * 1024, residentBytes(service));
    }

    /** The resident set now, without a collection first. */
    static long residentBytes(ManagedProcess service) throws IOException {
        Matcher resident = RESIDENT.matcher(Files.readString(Path.of("/proc", Long.toString(service.pid()),
                "status")));
        if (!resident.find()) {
            throw new IllegalStateException("No VmRSS for " + service.name());
        }
        return Long.parseLong(resident.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(JCMD.toString(), Long.toString(pid), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
