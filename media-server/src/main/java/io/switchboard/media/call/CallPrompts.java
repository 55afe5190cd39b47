package io.switchboard.media.call;

import io.switchboard.dialog.phrasing.VoicePhrasing;
import io.switchboard.models.BusinessProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * What the voice loop says on its own account (not the dialog engine's words), and the fixed sentences worth
 * synthesising at start-up.
 */
public final class CallPrompts {

    /** After {@link VoiceSettings#repromptAfter()} of silence. */
    public static final String STILL_THERE = "Are you still there?";
    /** After the last re-prompt went unanswered; the call then ends. */
    public static final String SILENT_GOODBYE = "I can't hear anything, so I'll let you go. Goodbye.";
    /** To a caller over the call cap, before hanging up; the missed-call list and a text follow. */
    public static final String BUSY = "Sorry, all our lines are busy right now. We'll call you back as soon as we can. "
            + "Goodbye.";
    /** When the server shuts down during a call, after the reply in progress; the call then ends. */
    public static final String CLOSING = "I'm sorry, I have to end the call now. Please call back in a few minutes. "
            + "Goodbye.";
    /** When the dialog engine fails on a turn. */
    public static final String TROUBLE = "Sorry, I'm having a little trouble. Could you say that again?";

    private CallPrompts() {
    }

    /**
     * The loop's own prompts plus the dialog engine's fixed voice sentences for {@code businessName}, split into
     * sentences, for {@code PromptCache.preload}. The engine's sentences come from the phrasing that speaks them
     * ({@link VoicePhrasing#fixedSentences}), so a change of wording cannot silently lose the cache.
     */
    public static List<String> standard(String businessName) {
        return withLoopPrompts(VoicePhrasing.fixedSentences(businessName));
    }

    /**
     * As {@link #standard(String)}, with the greeting this business's calls are answered with (its own words and its
     * disclosure) and the profile's own fixed sentences (the owner-named hand-off lines, the safety advice), so the
     * first thing every caller hears, and advice that must come first, start without synthesis.
     */
    public static List<String> standard(BusinessProfile profile) {
        return withLoopPrompts(VoicePhrasing.fixedSentences(profile));
    }

    private static List<String> withLoopPrompts(List<String> engineSentences) {
        List<String> texts = new ArrayList<>(engineSentences);
        texts.addAll(List.of(STILL_THERE, SILENT_GOODBYE, CLOSING, TROUBLE, BUSY));
        return texts.stream().flatMap(text -> Sentences.of(text).stream()).distinct().toList();
    }
}
