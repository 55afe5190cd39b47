package io.switchboard.media.call;

/** What made the receptionist speak. */
public enum TurnTrigger {
    /** The stream started; the reply is the greeting. */
    GREETING,
    /** The caller stopped speaking (the end-of-speech hangover ran out). */
    SPEECH,
    /** The caller's words already answered what the dialog asked (a yes/no, a PIN) before the hangover ran out. */
    EARLY_SPEECH,
    /** Keypad digits. */
    KEYPAD,
    /** The caller was silent too long. */
    REPROMPT,
    /** The caller stayed silent after the re-prompts: goodbye and hang up. */
    SILENCE_GOODBYE,
    /** The server is shutting down: after the current reply, goodbye and hang up. */
    SHUTDOWN
}
