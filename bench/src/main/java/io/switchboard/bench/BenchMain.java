package io.switchboard.bench;

import io.switchboard.bench.load.LoadGenerator;
import java.util.Arrays;

/**
 * Entry point of {@code bench/target/benchmarks.jar}: {@code jmh [JMH options]} runs the micro-benchmarks,
 * {@code load [options]} runs the concurrent-call load generator against a running server.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "jmh" : args[0];
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "load" -> LoadGenerator.main(rest);
            default -> {
                System.err.println("usage: java -jar bench/target/benchmarks.jar jmh [JMH options]\n"
                        + "       java -jar bench/target/benchmarks.jar load [--help for options]");
                System.exit(2);
            }
        }
    }
}
