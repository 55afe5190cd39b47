package io.switchboard.server;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The {@code chat} command: talk to the receptionist by typing, one line per message, as if on {@code channel}
 * from {@code from}. Ends on end of input or {@code /quit}.
 */
public final class TerminalChat {

    public static final String SESSION_ID = "terminal";
    public static final String QUIT = "/quit";

    private final DialogEngine engine;
    private final Channel channel;
    private final String from;

    /**
     * @param from the caller ID to pretend, or null for none
     */
    public TerminalChat(DialogEngine engine, Channel channel, String from) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.from = from;
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        // A fresh conversation each run, even when sessions live on in Redis.
        engine.end(channel, SESSION_ID);
        out.println("Chatting on " + channel.wireName() + (from == null ? "" : " from " + from)
                + ". Type a message; " + QUIT + " or end of input to leave.");
        if (channel == Channel.VOICE) {
            // A phone call opens with the business speaking.
            show(engine.begin(channel, SESSION_ID, from), out);
        }
        try {
            String line;
            while (true) {
                out.print("you> ");
                out.flush();
                line = in.readLine();
                if (line == null || line.strip().equals(QUIT)) {
                    break;
                }
                show(engine.handle(TurnRequest.text(channel, SESSION_ID, from, line)), out);
            }
        } finally {
            engine.end(channel, SESSION_ID);
        }
        out.println();
    }

    private static void show(TurnResult turn, PrintStream out) {
        out.println("receptionist> " + turn.reply());
        if (!turn.actions().isEmpty()) {
            out.println("  [" + turn.actions().stream().map(DialogAction::type).collect(Collectors.joining(", "))
                    + "]");
        }
    }
}
