package io.switchboard.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTest {

    private final RecordingOutput out = new RecordingOutput();
    private final Playback playback = new Playback(out, 1000, CallClock.SYSTEM);
    private final byte[] frame = new byte[160];

    @Test
    void marksFollowEachSentenceAndEchoesTellWhatWasHeard() {
        Reply reply = playback.begin(3);
        for (int i = 0; i < 3; i++) {
            assertThat(playback.sendFrame(reply, frame, 0, 160)).isTrue();
            playback.markSentence(reply, i);
        }
        playback.end(reply);

        assertThat(out.messages()).containsExactly("media", "mark:r1s0", "media", "mark:r1s1", "media", "mark:r1s2");
        assertThat(playback.audible()).as("sent but not yet played").isTrue();
        playback.acknowledged("r1s0");
        playback.acknowledged("r1s1");
        assertThat(playback.heard(reply)).isEqualTo(2);
        assertThat(playback.audible()).isTrue();
        playback.acknowledged("r1s2");
        assertThat(playback.audible()).isFalse();
    }

    @Test
    void bargeInClearsStopsTheReplyAndIgnoresMarksOfDroppedAudio() {
        Reply reply = playback.begin(3);
        playback.sendFrame(reply, frame, 0, 160);
        playback.markSentence(reply, 0);
        playback.sendFrame(reply, frame, 0, 160);
        playback.markSentence(reply, 1);
        playback.acknowledged("r1s0");

        assertThat(playback.interrupt()).isSameAs(reply);

        assertThat(reply.cancelled()).isTrue();
        assertThat(playback.wasCut(reply)).isTrue();
        assertThat(playback.sendFrame(reply, frame, 0, 160)).as("no audio after the clear").isFalse();
        playback.markSentence(reply, 2);
        playback.acknowledged("r1s1"); // Twilio returns the marks of what it dropped
        assertThat(playback.heard(reply)).isEqualTo(1);
        assertThat(out.messages()).endsWith("clear");
        playback.end(reply);
        assertThat(playback.audible()).isFalse();
        assertThat(playback.interrupt()).as("nothing left to cut").isNull();
        assertThat(out.messages()).filteredOn("clear"::equals).hasSize(1);
    }

    @Test
    void aStoppedCallCancelsSynthesisWithoutCountingItAsABargeIn() {
        Reply reply = playback.begin(1);
        playback.cancelAll();

        assertThat(reply.cancelled()).isTrue();
        assertThat(playback.wasCut(reply)).isFalse();
        assertThat(out.messages()).isEmpty();
    }

    @Test
    void markNamesRoundTrip() {
        Reply reply = new Reply(12, 4);
        assertThat(Reply.replyOf(reply.markName(3))).isEqualTo(12);
        assertThat(Reply.sentenceOf(reply.markName(3))).isEqualTo(3);
        assertThat(Reply.replyOf("greeting")).isEqualTo(-1);
        assertThat(Reply.sentenceOf("rxs1")).isEqualTo(1);
        assertThat(Reply.replyOf("rxs1")).isEqualTo(-1);
    }
}
