package io.switchboard.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records what a call sends, by message kind; optionally echoes marks back like Twilio. */
final class RecordingOutput implements CallOutput {

    private final List<String> messages = new ArrayList<>();
    private volatile Consumer<String> markEcho = name -> { };
    private volatile boolean hungUp;
    /** The first byte of every media frame sent, in order. */
    private final List<Byte> frameMarks = new ArrayList<>();

    /** The first byte of every media frame sent, in order. */
    synchronized List<Byte> frameMarks() {
        return List.copyOf(frameMarks);
    }

    void echoMarksTo(Consumer<String> echo) {
        this.markEcho = echo;
    }

    @Override
    public synchronized void sendMedia(byte[] muLaw, int offset, int length) {
        if (length != 160) {
            throw new AssertionError("frame of " + length + " bytes");
        }
        frameMarks.add(muLaw[offset]);
        if (messages.isEmpty() || !messages.get(messages.size() - 1).equals("media")) {
            messages.add("media");
        }
        notifyAll();
    }

    @Override
    public void sendMark(String name) {
        synchronized (this) {
            messages.add("mark:" + name);
            notifyAll();
        }
        markEcho.accept(name);
    }

    @Override
    public synchronized void sendClear() {
        messages.add("clear");
        notifyAll();
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public synchronized void hangUp() {
        hungUp = true;
        messages.add("hangup");
        notifyAll();
    }

    boolean hungUp() {
        return hungUp;
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    synchronized void await(java.util.function.Predicate<List<String>> condition, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.test(messages)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("timed out; sent so far: " + messages);
            }
            wait(left);
        }
    }
}
