package io.switchboard.media.simulator;

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
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays Twilio's part of one call over a real WebSocket: streams the caller's audio in real time (a 20 ms frame every
 * 20 ms, silence when the caller says nothing), keys DTMF, and plays the server's reply audio on a real-time clock,
 * echoing each mark when playback reaches it and dropping buffered audio (echoing its marks) on {@code clear} — as
 * Twilio does.
 *
 * <p>Turn timing is taken here, client side: when the last voiced frame of what the caller said was sent, and when
 * the first reply frame after it started arrived ({@link #lastTurnMillis()}).
 */
public final class SimulatedCall implements WebSocket.Listener, AutoCloseable {

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
    /** Frames of the current utterance still to send before its last voiced one; -1 when none is pending. */
    private int framesToLastVoiced = -1;
    private long lastVoicedSentNanos;
    private boolean awaitingReply;
    private long firstReplyNanos;

    private SimulatedCall(HttpClient client, URI uri, String callSid, String from, StreamCredentials credentials)
            throws Exception {
        this.callSid = callSid;
        this.streamSid = "MZ" + callSid.substring(2);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (credentials.signature() != null) {
            builder.header("X-Twilio-Signature", credentials.signature());
        }
        this.socket = builder.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        socket.sendText(TwilioMessages.connected(), true).get(5, TimeUnit.SECONDS);
        socket.sendText(TwilioMessages.start(streamSid, callSid, from, credentials.token()), true)
                .get(5, TimeUnit.SECONDS);
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-twilio-" + callSid.substring(Math.max(2, callSid.length() - 4)));
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** Dials {@code ws://127.0.0.1:port/media}. */
    public static SimulatedCall dial(int port, String callSid, String from) throws Exception {
        return dial(URI.create("ws://127.0.0.1:" + port + "/media"), callSid, from);
    }

    /** Connects to the media WebSocket at {@code url} and sends Twilio's {@code connected} and {@code start}. */
    public static SimulatedCall dial(URI url, String callSid, String from) throws Exception {
        return dial(HttpClient.newHttpClient(), url, callSid, from);
    }

    /**
     * As {@link #dial(URI, String, String)} on a shared client (many calls: one selector thread instead of one each).
     *
     * @param callSid Twilio call id, {@code CA} and 32 hex digits
     * @param from    the caller's number (E.164), passed as Twilio's {@code From} custom parameter
     */
    public static SimulatedCall dial(HttpClient client, URI url, String callSid, String from) throws Exception {
        return dial(client, url, callSid, from, StreamCredentials.none());
    }

    /**
     * As {@link #dial(HttpClient, URI, String, String)}, presenting Twilio's upgrade signature and the per-call token
     * of {@code credentials} (what a server with verification on requires).
     */
    public static SimulatedCall dial(HttpClient client, URI url, String callSid, String from,
                                     StreamCredentials credentials) throws Exception {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(from, "from");
        if (callSid == null || !callSid.matches("CA[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("a call sid is CA and 32 hex digits, was " + callSid);
        }
        return new SimulatedCall(client, url, callSid, from, credentials);
    }

    public String callSid() {
        return callSid;
    }

    /** Every 20 ms: one frame of caller audio, pending control messages, 20 ms of reply playback. */
    private void tick() {
        try {
            List<String> toSend = new ArrayList<>();
            boolean lastVoiced = false;
            synchronized (this) {
                byte[] audio = callerAudio.isEmpty() ? SILENCE : callerAudio.poll();
                if (audio != SILENCE && framesToLastVoiced >= 0 && framesToLastVoiced-- == 0) {
                    lastVoiced = true;
                }
                toSend.add(TwilioMessages.media(streamSid, ++sequence, audio));
                while (!outbox.isEmpty()) {
                    toSend.add(outbox.poll());
                }
                boolean played = false;
                while (!playout.isEmpty() && !played) {
                    Object next = playout.poll();
                    if (next instanceof String mark) {
                        toSend.add(TwilioMessages.mark(streamSid, ++sequence, mark));
                        marksEchoed++;
                    } else {
                        played = true;
                    }
                }
                // A mark right after the last frame played is due now too.
                while (playout.peek() instanceof String mark) {
                    playout.poll();
                    toSend.add(TwilioMessages.mark(streamSid, ++sequence, mark));
                    marksEchoed++;
                }
                notifyAll();
            }
            if (closed.isDone()) {
                return;
            }
            socket.sendText(toSend.get(0), true).get(5, TimeUnit.SECONDS);
            if (lastVoiced) {
                synchronized (this) {
                    lastVoicedSentNanos = System.nanoTime();
                    notifyAll();
                }
            }
            for (int i = 1; i < toSend.size(); i++) {
                socket.sendText(toSend.get(i), true).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            if (!closed.isDone()) {
                closed.complete(-1);
            }
        }
    }

    /** Speaks {@code utterance} and returns once its last frame has been sent. */
    public void say(CallerUtterance utterance) throws InterruptedException {
        synchronized (this) {
            enqueue(utterance);
            while (!callerAudio.isEmpty() && !closed.isDone()) {
                wait(100);
            }
        }
    }

    /**
     * Speaks {@code utterance} and returns as soon as its last voiced frame has been sent (the rest, quiet, follows on
     * its own): the moment a turn's latency counts from.
     */
    public void sayUntilLastVoiced(CallerUtterance utterance) throws InterruptedException {
        synchronized (this) {
            enqueue(utterance);
            while (lastVoicedSentNanos == 0 && !closed.isDone()) {
                wait(100);
            }
        }
    }

    /** Starts speaking without waiting (to talk over the receptionist). */
    public synchronized void startSaying(CallerUtterance utterance) {
        enqueue(utterance);
    }

    private void enqueue(CallerUtterance utterance) {
        byte[] muLaw = utterance.muLaw();
        framesToLastVoiced = callerAudio.size() + utterance.lastVoicedFrame();
        lastVoicedSentNanos = 0;
        firstReplyNanos = 0;
        awaitingReply = true;
        for (int off = 0; off + CallerUtterance.FRAME_BYTES <= muLaw.length; off += CallerUtterance.FRAME_BYTES) {
            callerAudio.add(Arrays.copyOfRange(muLaw, off, off + CallerUtterance.FRAME_BYTES));
        }
    }

    /** Keys {@code digits}, one DTMF event per 100 ms. */
    public void press(String digits) throws InterruptedException {
        for (char d : digits.toCharArray()) {
            synchronized (this) {
                outbox.add(TwilioMessages.dtmf(streamSid, ++sequence, d));
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code text} as is (malformed frames, for robustness tests). */
    public void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /**
     * Waits until a reply has arrived and been played to the end (all its marks echoed, nothing more coming), and
     * returns how many 20 ms frames of reply audio came since the previous reply.
     *
     * @throws IllegalStateException when no complete reply came within {@code timeout} or the call closed first
     */
    public synchronized int awaitReplyPlayed(Duration timeout) throws InterruptedException {
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
                throw new IllegalStateException("no complete reply within " + timeout + " on " + callSid
                        + " (events " + tail() + ")");
            }
            wait(50);
        }
    }

    /**
     * Waits for the first reply frame (without waiting for the reply to finish).
     *
     * @throws IllegalStateException when none came within {@code timeout}
     */
    public synchronized void awaitReplyStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (mediaFrames == mediaFramesAtLastReply) {
            if (System.nanoTime() > deadline || closed.isDone()) {
                throw new IllegalStateException("no reply audio within " + timeout + " on " + callSid);
            }
            wait(50);
        }
    }

    /**
     * From the last voiced frame of the latest utterance being sent to the first reply frame received after that
     * utterance began, in ms; negative when the reply started before the caller finished (an early end of turn).
     * Empty until both happened.
     */
    public synchronized OptionalDouble lastTurnMillis() {
        if (lastVoicedSentNanos == 0 || firstReplyNanos == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((firstReplyNanos - lastVoicedSentNanos) / 1e6);
    }

    /** Counts the reply audio received so far as heard, so the next {@link #awaitReplyPlayed} waits for a new reply. */
    public synchronized void forgetReplyAudio() {
        mediaFramesAtLastReply = mediaFrames;
    }

    public synchronized int clears() {
        return clears;
    }

    public synchronized int mediaFrames() {
        return mediaFrames;
    }

    public synchronized int marksEchoed() {
        return marksEchoed;
    }

    /** What the server sent, in order: "media" (once per run of frames), "mark:name", "clear". */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    private String tail() {
        return events.subList(Math.max(0, events.size() - 8), events.size()).toString();
    }

    /** The close code the server sent (or -1 if the connection broke), once closed. */
    public int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            received(text, now);
        }
        webSocket.request(1);
        return null;
    }

    private void received(String text, long now) {
        try {
            JsonNode message = JSON.readTree(text);
            String event = message.path("event").asText();
            synchronized (this) {
                switch (event) {
                    case "media" -> {
                        byte[] audio = Base64.getDecoder().decode(message.path("media").path("payload").asText());
                        if (audio.length != CallerUtterance.FRAME_BYTES) {
                            events.add("bad-frame:" + audio.length);
                        }
                        playout.add(audio);
                        mediaFrames++;
                        lastMediaNanos = now;
                        if (awaitingReply) {
                            awaitingReply = false;
                            firstReplyNanos = now;
                        }
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
                                outbox.add(TwilioMessages.mark(streamSid, ++sequence, mark));
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
                socket.sendText(TwilioMessages.stop(streamSid, callSid, ++sequence), true).get(2, TimeUnit.SECONDS);
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "hang up").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server may have closed first
            }
        }
        socket.abort();
    }

    private static byte[] filled(byte value) {
        byte[] b = new byte[CallerUtterance.FRAME_BYTES];
        Arrays.fill(b, value);
        return b;
    }
}
