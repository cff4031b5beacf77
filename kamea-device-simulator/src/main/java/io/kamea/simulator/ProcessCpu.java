package io.kamea.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of named processes (Linux {@code /proc/<pid>/stat}: user + system) and of the whole
 * machine ({@code /proc/stat}), sampled at the two ends of a measurement window. 100% is one core.
 */
public final class ProcessCpu {

    /** USER_HZ: the unit of /proc times; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids = new LinkedHashMap<>();
    /** Names whose children count too (PostgreSQL: the work is done by the postmaster's backends). */
    private final Set<String> withChildren = new HashSet<>();
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private long startNanos;
    private long machineBusyStart;
    private long machineTotalStart;

    /**
     * @param spec {@code name=pid,name=pid} (may be empty); {@code name=pid+} adds the process's
     *             children (alive at both ends of the window); the simulator itself is added
     */
    public ProcessCpu(String spec) {
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String[] parts = entry.split("=", 2);
                String pid = parts[1].trim();
                if (pid.endsWith("+")) {
                    withChildren.add(parts[0].trim());
                    pid = pid.substring(0, pid.length() - 1);
                }
                pids.put(parts[0].trim(), Long.parseLong(pid));
            }
        }
        pids.put("simulator", ProcessHandle.current().pid());
    }

    /** Starts the window. */
    public void start() {
        startNanos = System.nanoTime();
        pids.forEach((name, pid) -> startTicks.put(name, ticks(name, pid)));
        long[] machine = machine();
        machineBusyStart = machine[0];
        machineTotalStart = machine[1];
    }

    /** CPU use per process since {@link #start()}, as {@code cpu_<name>=<percent>} pairs plus the machine's. */
    public String stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder out = new StringBuilder();
        double ours = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            long end = ticks(process.getKey(), process.getValue());
            Long begin = startTicks.get(process.getKey());
            if (end >= 0 && begin != null && begin >= 0) {
                double percent = (end - begin) / TICKS_PER_SECOND / seconds * 100;
                ours += percent;
                out.append(String.format("cpu_%s=%.0f%% ", process.getKey(), percent));
            }
        }
        long[] machine = machine();
        long total = machine[1] - machineTotalStart;
        if (total > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            double busy = 100.0 * cores * (machine[0] - machineBusyStart) / total;
            // everything else on the machine (other users, the kernel's softirq work, ...)
            out.append(String.format("cpu_others=%.0f%% cpu_machine=%.0f%%_of_%d00%%", Math.max(0, busy - ours), busy, cores));
        }
        return out.toString().trim();
    }

    private long ticks(String name, long pid) {
        long own = ticks(pid);
        if (own < 0 || !withChildren.contains(name)) {
            return own;
        }
        // children that ended inside the window are missed: fine for a pool of long-lived backends
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return own + processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(ProcessCpu::stat).filter(f -> f != null && Long.parseLong(f[1]) == pid)
                    .mapToLong(f -> Long.parseLong(f[11]) + Long.parseLong(f[12])).sum();
        } catch (IOException | RuntimeException e) {
            return own;
        }
    }

    private static long ticks(long pid) {
        String[] fields = stat(Path.of("/proc/" + pid));
        // after "pid (comm) ": state is field 3, utime 14, stime 15 → indexes 11 and 12 here
        return fields == null ? -1 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of /proc/PID/stat after "pid (comm) " (state, ppid, ...), or null if gone. */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {busy, total} jiffies of all CPUs. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
