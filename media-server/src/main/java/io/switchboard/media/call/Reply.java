package io.switchboard.media.call;

/**
 * One reply being spoken: its sentences, whether it was cut off, and how far Twilio confirmed playing it. Each sentence
 * is followed by a mark named {@code r<reply>s<sentence>}.
 */
final class Reply {

    private final int number;
    private final int sentences;
    private volatile boolean cancelled;
    /** Guarded by the owning {@link Playback}. */
    boolean cleared;
    /** Guarded by the owning {@link Playback}: index of the last sentence Twilio confirmed as played, -1 for none. */
    int heardThrough = -1;

    Reply(int number, int sentences) {
        this.number = number;
        this.sentences = sentences;
    }

    int number() {
        return number;
    }

    int sentences() {
        return sentences;
    }

    /** Read by the synthesiser between frames, so a barge-in stops it within one frame. */
    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    String markName(int sentence) {
        return "r" + number + "s" + sentence;
    }

    /** The reply number in a mark name made by {@link #markName}, or -1. */
    static int replyOf(String mark) {
        int s = mark.indexOf('s');
        return mark.startsWith("r") && s > 1 ? parse(mark, 1, s) : -1;
    }

    /** The sentence index in a mark name made by {@link #markName}, or -1. */
    static int sentenceOf(String mark) {
        int s = mark.indexOf('s');
        return mark.startsWith("r") && s > 1 ? parse(mark, s + 1, mark.length()) : -1;
    }

    private static int parse(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
