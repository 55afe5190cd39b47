package io.switchboard.media.call;

/**
 * 20 ms of reply audio on its way from TTS to pacing: a view of the synthesiser's (or the prompt cache's) frame,
 * valid only while the frame is being passed on. Reused frame after frame; a stage that keeps audio copies it.
 */
final class ReplyAudio implements ReplyFrame {

    byte[] muLaw;
    int offset;
    int length;

    ReplyAudio set(byte[] bytes, int from, int count) {
        this.muLaw = bytes;
        this.offset = from;
        this.length = count;
        return this;
    }
}
