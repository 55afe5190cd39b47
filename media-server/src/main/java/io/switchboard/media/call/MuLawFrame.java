package io.switchboard.media.call;

/** Caller audio as it came off the wire: up to one ring slot of 8 kHz mu-law and when it arrived. Reused. */
final class MuLawFrame implements Frame {

    final byte[] bytes = new byte[FrameRing.SLOT_BYTES];
    int length;
    long arrivalNanos;
}
