package io.vigil.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent so far by this JVM and by the descendants that serve queries (the PostgreSQL server
 * and its backends, the gateway's JVM), from /proc. On a busy machine a query's latency includes the
 * time it waited for a core; the CPU it used does not, so the two side by side tell load from cost.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Seconds of CPU (user + system) of this JVM, PostgreSQL's processes and any quarkus-run.jar below this JVM. */
    static double seconds() {
        double self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return self + ProcessHandle.current().descendants()
                .filter(process -> serves(commandLine(process.pid())))
                .mapToDouble(process -> ticks(process.pid()) / TICKS_PER_SECOND)
                .sum();
    }

    private static boolean serves(String commandLine) {
        String program = commandLine.split("\0", 2)[0];
        return program.endsWith("/postgres") || program.startsWith("postgres:") || commandLine.contains("quarkus-run.jar");
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of /proc/pid/stat (fields 14 and 15, counted after the command in parentheses). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            // gone meanwhile
            return 0;
        }
    }
}
