package io.switchboard.bench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own per-turn latency lines ({@code turn call=… n=2 via=speech quiet=… stt=… dialog=… tts=… total=… ms}),
 * read from its log file: where the time of a turn goes inside the server, to see which stage saturates first.
 */
final class ServerTurnLog {

    private static final Pattern TURN = Pattern.compile(
            "turn call=\\S+ n=\\d+ via=(\\S+) quiet=(\\S+) stt=(\\S+) dialog=(\\S+) tts=(\\S+) total=(\\S+) ms");

    static final String SLOT_TAKEN = "slot taken for ";

    private final Path file;

    ServerTurnLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now: read from here after a level. */
    long end() throws IOException {
        return Files.size(file);
    }

    /** The turn lines written since {@code offset}. */
    List<ServerTurn> since(long offset) throws IOException {
        List<ServerTurn> turns = new ArrayList<>();
        for (String line : linesSince(offset)) {
            parse(line).ifPresent(turns::add);
        }
        return turns;
    }

    /**
     * How many bookings since {@code offset} found their slot just taken by another caller (the booking service
     * logs {@code slot taken for ...} and offers alternatives): races a scripted caller, who cannot hear the new
     * offer, then loses.
     */
    int slotsTakenSince(long offset) throws IOException {
        return (int) linesSince(offset).stream().filter(line -> line.contains(SLOT_TAKEN)).count();
    }

    private List<String> linesSince(long offset) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (offset > length) {
                return List.of();
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        }
    }

    static Optional<ServerTurn> parse(String line) {
        Matcher m = TURN.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ServerTurn(m.group(1), number(m.group(2)), number(m.group(3)),
                number(m.group(4)), number(m.group(5)), number(m.group(6))));
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * One turn as the server measured it, ms (NaN where a stage did not happen).
     *
     * @param via   what ended the turn: {@code speech}, {@code early_speech}, {@code greeting}, {@code keypad}, ...
     * @param quiet how long the caller had been quiet when the server decided the turn was over
     */
    record ServerTurn(String via, double quiet, double stt, double dialog, double tts, double total) {

        /** A turn the caller ended by speaking (not the greeting, a key or a re-prompt). */
        boolean spoken() {
            return via.contains("speech");
        }
    }
}
