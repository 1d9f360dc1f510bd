package io.cioconnect.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Entry point of {@code bench/run.sh}: {@code BenchMain <cio-connect.jar> <work dir> <results dir>}.
 * Settings come from {@code BENCH_*} variables (see {@link BenchSettings}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BenchMain <cio-connect.jar> <work dir> <results dir>");
        }
        PrintStream out = System.out; // the harness's report is its output
        BenchSettings settings = BenchSettings.from(System.getenv());
        new BenchRun(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), settings, out).run();
        // The load generator's and provider's threads are daemons; nothing else keeps the JVM alive.
    }
}
