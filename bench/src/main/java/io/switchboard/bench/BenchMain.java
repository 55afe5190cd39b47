package io.switchboard.bench;

import io.switchboard.bench.load.LoadGenerator;
import io.switchboard.bench.smoke.SmokeCall;
import java.util.Arrays;

/**
 * Entry point of {@code bench/target/benchmarks.jar}: {@code jmh [JMH options]} runs the micro-benchmarks,
 * {@code load [options]} runs the concurrent-call load generator against a running server, {@code smoke <ws-url>
 * <phone>} places one simulated booking call on a deployment, {@code corpus [n]} runs the spoken-call corpus in real
 * time against a receptionist in this JVM.
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
            case "smoke" -> SmokeCall.main(rest);
            case "corpus" -> io.switchboard.bench.corpus.SpokenCorpusBench.main(rest);
            default -> {
                System.err.println("usage: java -jar bench/target/benchmarks.jar jmh [JMH options]\n"
                        + "       java -jar bench/target/benchmarks.jar load [--help for options]\n"
                        + "       java -jar bench/target/benchmarks.jar smoke ws://host:port/media +E164-number\n"
                        + "       java -jar bench/target/benchmarks.jar corpus [n-calls]");
                System.exit(2);
            }
        }
    }
}
