package io.switchboard.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The load generator's command line.
 *
 * @param mediaUrl      the media WebSocket ({@code ws://127.0.0.1:8081/media}); loopback only
 * @param httpUrl       the HTTP API, to read bookings back ({@code http://127.0.0.1:8080}); loopback only
 * @param callers       simultaneous callers per level, in order
 * @param callsPerLevel calls per level; each level makes at least one call per caller
 * @param maxTime       bound on the whole run: levels not started by then are skipped, calls still going are hung up
 * @param out           directory for {@code load-results.csv} and {@code load-results.html}
 * @param serverPid     the server process, for CPU and memory; empty to find it by the media port
 * @param serverLog     the server's log file, for its per-stage turn timings; empty to do without
 * @param bookingsFrom  first day to read bookings for (the server's today: its {@code SWITCHBOARD_NOW})
 * @param ramp          the callers of a level start spread over this long
 * @param replyTimeout  a reply that takes longer fails the call
 * @param maryVoice     callers speak with the MaryTTS voice and its script instead of espeak-ng's
 */
public record LoadOptions(URI mediaUrl, URI httpUrl, List<Integer> callers, int callsPerLevel, Duration maxTime,
                          Path out, OptionalLong serverPid, Optional<Path> serverLog, LocalDate bookingsFrom,
                          Duration ramp, Duration replyTimeout, boolean maryVoice) {

    static final String USAGE = """
            usage: java -jar bench/target/benchmarks.jar load [options]
              --url ws://127.0.0.1:8081/media   media WebSocket of a running server (loopback only)
              --http http://127.0.0.1:8080      its HTTP API, to check the bookings (loopback only)
              --callers 1,4,8,12,16,20          simultaneous callers, one level each
              --calls-per-level N               calls per level (default: one per caller)
              --max-seconds S                   bound on the whole run (default 900)
              --out bench/target/load            where the CSV, SVG chart and HTML go
              --server-pid PID                  server process for CPU/RSS (default: whoever listens on the media port)
              --server-log FILE                 server log, for its stt/dialog/tts split per level
              --bookings-from YYYY-MM-DD        the server's today, SWITCHBOARD_NOW (default 2026-11-23)
              --ramp-ms MS                      spread each level's call starts over this long (default 2000)
              --reply-timeout-seconds S         a reply slower than this fails the call (default 30)
              --voice espeak|mary               the callers' voice and script (default espeak where installed)
            Reading the bookings needs the server's admin token: SWITCHBOARD_ADMIN_TOKEN as for the server, else
            the one it generated in $SWITCHBOARD_DATA_DIR/admin-token (default data/admin-token).
            """;

    public LoadOptions {
        LoopbackOnly.require(mediaUrl);
        LoopbackOnly.require(httpUrl);
        if (!"ws".equals(mediaUrl.getScheme()) && !"wss".equals(mediaUrl.getScheme())) {
            throw new IllegalArgumentException("--url must be ws:// or wss://, was " + mediaUrl);
        }
        if (!"http".equals(httpUrl.getScheme()) && !"https".equals(httpUrl.getScheme())) {
            throw new IllegalArgumentException("--http must be http:// or https://, was " + httpUrl);
        }
        callers = List.copyOf(callers);
        if (callers.isEmpty() || callers.stream().anyMatch(n -> n < 1 || n > 64)) {
            throw new IllegalArgumentException("--callers must list 1 to 64 callers per level, was " + callers);
        }
        if (callsPerLevel < 0 || callsPerLevel > 500) {
            throw new IllegalArgumentException("--calls-per-level must be 0-500, was " + callsPerLevel);
        }
        if (maxTime.toSeconds() < 10 || maxTime.toSeconds() > 3 * 3600) {
            throw new IllegalArgumentException("--max-seconds must be 10-10800, was " + maxTime.toSeconds());
        }
    }

    /** Calls to make at a level of {@code callers}. */
    int callsAt(int callers) {
        return Math.max(callers, callsPerLevel);
    }

    /** @throws IllegalArgumentException on an unknown option or a bad value, with the reason */
    public static LoadOptions parse(String[] args) {
        URI media = URI.create("ws://127.0.0.1:8081/media");
        URI http = URI.create("http://127.0.0.1:8080");
        List<Integer> callers = List.of(1, 4, 8, 12, 16, 20);
        int perLevel = 0;
        long maxSeconds = 900;
        Path out = Path.of("bench", "target", "load");
        OptionalLong pid = OptionalLong.empty();
        Optional<Path> log = Optional.empty();
        LocalDate from = LocalDate.of(2026, 11, 23);
        long rampMs = 2000;
        long replySeconds = 30;
        boolean mary = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--url" -> media = URI.create(value);
                    case "--http" -> http = URI.create(value);
                    case "--callers" -> callers = levels(value);
                    case "--calls-per-level" -> perLevel = Integer.parseInt(value);
                    case "--max-seconds" -> maxSeconds = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    case "--server-pid" -> pid = OptionalLong.of(Long.parseLong(value));
                    case "--server-log" -> log = Optional.of(Path.of(value));
                    case "--bookings-from" -> from = LocalDate.parse(value);
                    case "--ramp-ms" -> rampMs = Long.parseLong(value);
                    case "--reply-timeout-seconds" -> replySeconds = Long.parseLong(value);
                    case "--voice" -> mary = switch (value) {
                        case "mary" -> true;
                        case "espeak" -> false;
                        default -> throw new IllegalArgumentException("espeak or mary");
                    };
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException && e.getMessage() != null
                        && e.getMessage().startsWith("unknown option")) {
                    throw e;
                }
                throw new IllegalArgumentException("bad value for " + option + ": '" + value + "' (" + e.getMessage()
                        + ")", e);
            }
        }
        if (rampMs < 0 || rampMs > 60_000 || replySeconds < 1 || replySeconds > 300) {
            throw new IllegalArgumentException("--ramp-ms must be 0-60000 and --reply-timeout-seconds 1-300");
        }
        return new LoadOptions(media, http, callers, perLevel, Duration.ofSeconds(maxSeconds), out, pid, log, from,
                Duration.ofMillis(rampMs), Duration.ofSeconds(replySeconds), mary);
    }

    private static List<Integer> levels(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }
}
