package io.cioconnect.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the service's JVM and its PostgreSQL spent, read from {@code /proc/<pid>/stat}. Divided by the
 * requests served it gives CPU per request, a figure that other work on the machine hardly disturbs, unlike
 * throughput. PostgreSQL is the postmaster, its live backends, and the backends it has already reaped.
 */
final class CpuMeter {

    /** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel build. */
    private static final double TICKS_PER_MS = 0.1;

    /** CPU milliseconds so far of the service and of the database. */
    record CpuTimes(double serviceMs, double databaseMs) {

        /** CPU milliseconds per request between {@code before} and this. */
        CpuTimes perRequestSince(CpuTimes before, long requests) {
            long n = Math.max(1, requests);
            return new CpuTimes((serviceMs - before.serviceMs) / n, (databaseMs - before.databaseMs) / n);
        }

        CpuTimes plus(CpuTimes other) {
            return new CpuTimes(serviceMs + other.serviceMs, databaseMs + other.databaseMs);
        }

        CpuTimes per(long requests) {
            return perRequestSince(new CpuTimes(0, 0), requests);
        }
    }

    private final long servicePid;
    private final Path postmasterPidFile;

    CpuMeter(long servicePid, Path postmasterPidFile) {
        this.servicePid = servicePid;
        this.postmasterPidFile = postmasterPidFile;
    }

    CpuTimes now() {
        long postmaster = postmasterPid();
        long database = postmaster < 0 ? 0 : ticks(postmaster, true);
        if (postmaster > 0) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    String[] stat = stat(Long.parseLong(process.getFileName().toString()));
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        database += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            } catch (IOException e) {
                // no /proc: zero
            }
        }
        return new CpuTimes(ticks(servicePid, false) / TICKS_PER_MS, database / TICKS_PER_MS);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? own + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : own;
    }

    /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
