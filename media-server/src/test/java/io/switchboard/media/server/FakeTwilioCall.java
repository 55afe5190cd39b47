package io.switchboard.media.server;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Twilio's part of a call over a real WebSocket: streams the caller's audio in real time (20 ms frames, silence
 * when the caller says nothing), keys DTMF, and plays the server's reply audio on a real-time clock, echoing each mark
 * when playback reaches it and dropping buffered audio (echoing its marks) on {@code clear} — as Twilio does.
 */
final class FakeTwilioCall implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SILENCE = filled((byte) 0xFF);
    private static final long QUIET_AFTER_REPLY_NANOS = TimeUnit.MILLISECONDS.toNanos(400);

    private final String streamSid;
    private final String callSid;
    private final ScheduledExecutorService clock;
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    // Guarded by this.
    private final ArrayDeque<byte[]> callerAudio = new ArrayDeque<>();
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    /** Reply audio (byte[]) and marks (String) in the order they arrived, not yet played. */
    private final ArrayDeque<Object> playout = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private int mediaFrames;
    private int mediaFramesAtLastReply;
    private int clears;
    private int marksEchoed;
    private long lastMediaNanos;
    private long sequence = 1;

    private FakeTwilioCall(URI uri, String callSid, String from) throws Exception {
        this.callSid = callSid;
        this.streamSid = "MZ" + callSid.substring(2);
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        socket.sendText(TwilioFrames.connected(), true).get(5, TimeUnit.SECONDS);
        socket.sendText(TwilioFrames.start(streamSid, callSid, from), true).get(5, TimeUnit.SECONDS);
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-twilio-" + callSid.substring(callSid.length() - 4));
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    static FakeTwilioCall dial(int port, String callSid, String from) throws Exception {
        return new FakeTwilioCall(URI.create("ws://127.0.0.1:" + port + "/media"), callSid, from);
    }

    String callSid() {
        return callSid;
    }

    /** Every 20 ms: one frame of caller audio, pending control messages, 20 ms of reply playback. */
    private void tick() {
        try {
            List<String> toSend = new ArrayList<>();
            synchronized (this) {
                byte[] audio = callerAudio.isEmpty() ? SILENCE : callerAudio.poll();
                toSend.add(TwilioFrames.media(streamSid, ++sequence, audio));
                while (!outbox.isEmpty()) {
                    toSend.add(outbox.poll());
                }
                boolean played = false;
                while (!playout.isEmpty() && !played) {
                    Object next = playout.poll();
                    if (next instanceof String mark) {
                        toSend.add(TwilioFrames.mark(streamSid, ++sequence, mark));
                        marksEchoed++;
                    } else {
                        played = true;
                    }
                }
                // A mark right after the last frame played is due now too.
                while (playout.peek() instanceof String mark) {
                    playout.poll();
                    toSend.add(TwilioFrames.mark(streamSid, ++sequence, mark));
                    marksEchoed++;
                }
                notifyAll();
            }
            if (closed.isDone()) {
                return;
            }
            for (String message : toSend) {
                socket.sendText(message, true).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (!closed.isDone()) {
                closed.complete(-1);
            }
        }
    }

    /** Speaks {@code muLaw} (whole 20 ms frames) and returns once the last frame has been sent. */
    void say(byte[] muLaw) throws InterruptedException {
        synchronized (this) {
            for (int off = 0; off + 160 <= muLaw.length; off += 160) {
                callerAudio.add(Arrays.copyOfRange(muLaw, off, off + 160));
            }
            while (!callerAudio.isEmpty() && !closed.isDone()) {
                wait(100);
            }
        }
    }

    /** Starts speaking without waiting (to talk over the receptionist). */
    synchronized void startSaying(byte[] muLaw) {
        for (int off = 0; off + 160 <= muLaw.length; off += 160) {
            callerAudio.add(Arrays.copyOfRange(muLaw, off, off + 160));
        }
    }

    /** Keys {@code digits}, one DTMF event per 100 ms. */
    void press(String digits) throws InterruptedException {
        for (char d : digits.toCharArray()) {
            synchronized (this) {
                outbox.add(TwilioFrames.dtmf(streamSid, ++sequence, d));
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code text} as is (malformed frames). */
    void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /**
     * Waits until a reply has arrived and been played to the end (all its marks echoed, nothing more coming), and
     * returns how many 20 ms frames of reply audio came since the previous reply.
     */
    synchronized int awaitReplyPlayed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = System.nanoTime();
            boolean replied = mediaFrames > mediaFramesAtLastReply;
            if (replied && playout.isEmpty() && now - lastMediaNanos > QUIET_AFTER_REPLY_NANOS) {
                int frames = mediaFrames - mediaFramesAtLastReply;
                mediaFramesAtLastReply = mediaFrames;
                return frames;
            }
            if (now > deadline || closed.isDone() && !replied) {
                return fail("no complete reply within " + timeout + " on " + callSid + " (events " + tail() + ")");
            }
            wait(50);
        }
    }

    /** Waits for the first reply frame (without waiting for the reply to finish). */
    synchronized void awaitReplyStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (mediaFrames == mediaFramesAtLastReply) {
            if (System.nanoTime() > deadline) {
                fail("no reply audio within " + timeout + " on " + callSid);
            }
            wait(50);
        }
    }

    /** Counts the reply audio received so far as heard, so the next {@link #awaitReplyPlayed} waits for a new reply. */
    synchronized void forgetReplyAudio() {
        mediaFramesAtLastReply = mediaFrames;
    }

    synchronized int clears() {
        return clears;
    }

    synchronized int mediaFrames() {
        return mediaFrames;
    }

    synchronized int marksEchoed() {
        return marksEchoed;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    private String tail() {
        return events.subList(Math.max(0, events.size() - 8), events.size()).toString();
    }

    /** The close code the server sent (or -1 if the connection broke), once closed. */
    int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received(text);
        }
        webSocket.request(1);
        return null;
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            String event = message.path("event").asText();
            synchronized (this) {
                switch (event) {
                    case "media" -> {
                        byte[] audio = Base64.getDecoder().decode(message.path("media").path("payload").asText());
                        if (audio.length != 160) {
                            fail("reply frame of " + audio.length + " bytes");
                        }
                        playout.add(audio);
                        mediaFrames++;
                        lastMediaNanos = System.nanoTime();
                        if (events.isEmpty() || !events.get(events.size() - 1).equals("media")) {
                            events.add("media");
                        }
                    }
                    case "mark" -> {
                        playout.add(message.path("mark").path("name").asText());
                        events.add("mark:" + message.path("mark").path("name").asText());
                    }
                    case "clear" -> {
                        clears++;
                        events.add("clear");
                        // Twilio drops the buffered audio and returns the marks that were waiting behind it.
                        for (Object o : playout) {
                            if (o instanceof String mark) {
                                outbox.add(TwilioFrames.mark(streamSid, ++sequence, mark));
                            }
                        }
                        playout.clear();
                    }
                    default -> events.add("unexpected:" + event);
                }
                notifyAll();
            }
        } catch (Exception e) {
            synchronized (this) {
                events.add("unparseable");
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        synchronized (this) {
            notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Hangs up: Twilio's stop, then the socket closes. */
    @Override
    public void close() throws Exception {
        clock.shutdownNow();
        clock.awaitTermination(2, TimeUnit.SECONDS);
        if (!closed.isDone()) {
            try {
                socket.sendText(TwilioFrames.stop(streamSid, callSid, ++sequence), true).get(2, TimeUnit.SECONDS);
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "hang up").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server may have closed first
            }
        }
        socket.abort();
    }

    private static byte[] filled(byte value) {
        byte[] b = new byte[160];
        Arrays.fill(b, value);
        return b;
    }
}
