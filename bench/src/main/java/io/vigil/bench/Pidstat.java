package io.vigil.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU and memory of processes over one window, by sysstat's pidstat: {@code pidstat -h -u -r -p
 * pids <window> 1} averages %CPU over the whole window (all threads of a process; 100 = one core)
 * and reports RSS at its end. A process that ended during the window is missing from the answer.
 */
final class Pidstat {

    record Usage(double cpuPercent, long rssKb) {
    }

    private Pidstat() {
    }

    static Map<Long, Usage> measure(Collection<Long> pids, Duration window) {
        List<String> command = new ArrayList<>(List.of("pidstat", "-h", "-u", "-r", "-p",
                pids.stream().filter(pid -> pid > 0).map(String::valueOf).collect(Collectors.joining(",")),
                String.valueOf(window.toSeconds()), "1"));
        // C locale: 24-hour times (one column) and decimal points
        String out = Commands.output(command, Map.of("LC_ALL", "C"), window.plusSeconds(30));
        return parse(out);
    }

    static Map<Long, Usage> parse(String out) {
        Map<Long, Usage> usage = new HashMap<>();
        List<String> header = null;
        for (String line : out.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                header = List.of(trimmed.substring(1).trim().split("\\s+"));
            } else if (header != null && !trimmed.isEmpty()) {
                String[] cells = trimmed.split("\\s+");
                if (cells.length < header.size()) {
                    continue;
                }
                long pid = Long.parseLong(cells[header.indexOf("PID")]);
                double cpu = Double.parseDouble(cells[header.indexOf("%CPU")]);
                long rss = Long.parseLong(cells[header.indexOf("RSS")]);
                usage.put(pid, new Usage(cpu, rss));
            }
        }
        return usage;
    }
}
