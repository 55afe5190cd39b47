/**
 * One phone call's voice loop, as a pipeline of single-purpose stages over typed {@link io.switchboard.media.call.Frame}s.
 * Caller audio goes from the network thread into a ring buffer; the call's thread runs it through decode, VAD,
 * pre-roll, resample, STT, turn-taking, barge-in, keypad and silence stages, each measured by the
 * {@link io.switchboard.media.call.Pipeline}; finished turns go to a speaking thread whose outbound pipeline of
 * {@link io.switchboard.media.call.ReplyFrame}s (dialog, sentences, TTS, pacing), measured the same way, asks the
 * dialog engine and streams the reply back as paced 20 ms frames with marks, posting each result back to the call.
 * All time comes from an injected {@link io.switchboard.media.call.CallClock}.
 */
package io.switchboard.media.call;
