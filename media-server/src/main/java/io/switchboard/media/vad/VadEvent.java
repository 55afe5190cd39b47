package io.switchboard.media.vad;

/** What a voice-activity detector concluded about one frame. */
public enum VadEvent {
    /** No speech in progress. */
    SILENCE,
    /** Speech began; the onset is dated back to the first loud frame (see {@link VoiceActivityDetector#speechStartMillis()}). */
    SPEECH_STARTED,
    /** Speech in progress, including quiet frames still inside the hangover. */
    SPEECH_CONTINUES,
    /** The hangover ran out: the speaker stopped (see {@link VoiceActivityDetector#speechEndMillis()}). */
    SPEECH_ENDED
}
