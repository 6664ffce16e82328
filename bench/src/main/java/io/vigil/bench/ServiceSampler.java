package io.vigil.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU and memory of each part of a running stack, sampled from /proc every few seconds: a part is the
 * processes whose command line matches it, with all their descendants (PostgreSQL's backends, the
 * camera server's threads are one process). CPU is user + system time, 100 % = one core; average over
 * the whole window, peak over one sampling interval; RSS is summed over the part's processes (for
 * PostgreSQL that counts its shared buffers once per backend: an upper bound).
 */
final class ServiceSampler implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;

    /** A part of the stack and how to recognise its main process by the command line (NUL-separated). */
    record Part(String name, Predicate<String> commandLine) {
    }

    /** What one part used over the window. */
    record Usage(String name, double averageCpuPercent, double peakCpuPercent, double peakRssMb, int processes) {
    }

    private final List<Part> parts;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "service-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> firstTicks = new HashMap<>();
    private final Map<String, Long> lastTicks = new HashMap<>();
    private final Map<String, Double> peakCpu = new HashMap<>();
    private final Map<String, Double> peakRss = new HashMap<>();
    private final Map<String, Integer> processes = new HashMap<>();
    /** CPU ticks each process had when first seen: a part's ticks are summed over its processes, new ones counted from 0. */
    private long firstNanos;
    private long lastNanos;

    ServiceSampler(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    synchronized void start(long periodSeconds) {
        Map<String, Sample> now = sample();
        firstNanos = lastNanos = System.nanoTime();
        now.forEach((part, sample) -> {
            firstTicks.put(part, sample.ticks());
            lastTicks.put(part, sample.ticks());
            peakRss.put(part, sample.rssMb());
            processes.put(part, sample.processes());
        });
        timer.scheduleAtFixedRate(this::tick, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private synchronized void tick() {
        Map<String, Sample> now = sample();
        long nanos = System.nanoTime();
        double seconds = (nanos - lastNanos) / 1e9;
        now.forEach((part, sample) -> {
            long before = lastTicks.getOrDefault(part, sample.ticks());
            double cpu = Math.max(0, sample.ticks() - before) / TICKS_PER_SECOND / seconds * 100;
            peakCpu.merge(part, cpu, Math::max);
            peakRss.merge(part, sample.rssMb(), Math::max);
            processes.merge(part, sample.processes(), Math::max);
            lastTicks.put(part, sample.ticks());
            firstTicks.putIfAbsent(part, before);
        });
        lastNanos = nanos;
    }

    /** Stops sampling; the usage of every part over the window. */
    synchronized List<Usage> stop() {
        timer.shutdownNow();
        tick();
        double seconds = (lastNanos - firstNanos) / 1e9;
        List<Usage> usage = new ArrayList<>();
        for (Part part : parts) {
            long ticks = lastTicks.getOrDefault(part.name(), 0L) - firstTicks.getOrDefault(part.name(), 0L);
            usage.add(new Usage(part.name(), ticks / TICKS_PER_SECOND / seconds * 100, peakCpu.getOrDefault(part.name(), 0.0),
                    peakRss.getOrDefault(part.name(), 0.0), processes.getOrDefault(part.name(), 0)));
        }
        return usage;
    }

    double windowSeconds() {
        return (lastNanos - firstNanos) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private record Sample(long ticks, double rssMb, int processes) {
    }

    private record Proc(long pid, long parent, String commandLine, long ticks, long rssKb) {
    }

    /** Every part's ticks and RSS now. A process's ticks are those of its own threads (children are counted as processes). */
    private Map<String, Sample> sample() {
        Map<Long, Proc> all = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> read(Long.parseLong(name)).ifPresent(proc -> all.put(proc.pid(), proc)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        Map<Long, List<Long>> children = new HashMap<>();
        all.values().forEach(proc -> children.computeIfAbsent(proc.parent(), parent -> new ArrayList<>()).add(proc.pid()));
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (Part part : parts) {
            Set<Long> members = new HashSet<>();
            all.values().stream().filter(proc -> part.commandLine().test(proc.commandLine()))
                    .forEach(root -> collect(root.pid(), children, members));
            long ticks = 0;
            long rss = 0;
            for (long pid : members) {
                ticks += all.get(pid).ticks();
                rss += all.get(pid).rssKb();
            }
            samples.put(part.name(), new Sample(ticks, rss / 1024.0, members.size()));
        }
        return samples;
    }

    private static void collect(long pid, Map<Long, List<Long>> children, Set<Long> members) {
        if (members.add(pid)) {
            children.getOrDefault(pid, List.of()).forEach(child -> collect(child, children, members));
        }
    }

    private static java.util.Optional<Proc> read(long pid) {
        try {
            Path dir = Path.of("/proc", String.valueOf(pid));
            String stat = Files.readString(dir.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long parent = Long.parseLong(fields[1]);
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rssKb = 0;
            for (String line : Files.readAllLines(dir.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            String commandLine = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
            return java.util.Optional.of(new Proc(pid, parent, commandLine, ticks, rssKb));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // gone meanwhile, or a kernel thread
        }
    }
}
