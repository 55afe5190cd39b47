package io.switchboard.media.call;

import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.CachedPrompt;
import io.switchboard.media.tts.PromptCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A call taken while every line is busy: it hears {@link CallPrompts#BUSY} from the prompt cache (synthesised once at
 * start-up; nothing is synthesised for it) and is hung up once Twilio confirms the message was played, or after the
 * message's length plus a grace period if that confirmation never comes. It holds no recogniser and no threads.
 */
final class BusyCall implements CallSession {

    static final String MARK = "busy-end";
    /** Beyond the message's own length, how long to wait for Twilio's mark before hanging up anyway. */
    static final long GRACE_MILLIS = 3_000;

    private final CallOutput output;
    private final AtomicBoolean hungUp = new AtomicBoolean();

    private BusyCall(CallOutput output) {
        this.output = output;
    }

    /** Sends the whole message at once (Twilio buffers and plays it) and arms the fallback hang-up. */
    static BusyCall play(PromptCache prompts, CallOutput output) {
        BusyCall call = new BusyCall(output);
        List<CachedPrompt> sentences = new ArrayList<>();
        for (String sentence : Sentences.of(CallPrompts.BUSY)) {
            Optional<CachedPrompt> cached = prompts.find(sentence);
            cached.ifPresent(sentences::add);
        }
        if (sentences.isEmpty()) {
            // Not preloaded: never synthesise on the event loop, just end the call.
            call.hangUp();
            return call;
        }
        int frames = 0;
        AudioSink sink = output::sendMedia;
        for (CachedPrompt prompt : sentences) {
            prompt.play(sink, () -> false);
            frames += prompt.frames();
        }
        output.sendMark(MARK);
        long playMillis = frames * 20L + GRACE_MILLIS;
        CompletableFuture.delayedExecutor(playMillis, TimeUnit.MILLISECONDS).execute(call::hangUp);
        return call;
    }

    @Override
    public void onMedia(byte[] payload, int offset, int length) {
        // the caller's audio is not listened to
    }

    @Override
    public void onDtmf(char digit) {
    }

    @Override
    public void onMark(String name) {
        if (MARK.equals(name)) {
            hangUp();
        }
    }

    @Override
    public void stop() {
        hungUp.set(true);
    }

    private void hangUp() {
        if (hungUp.compareAndSet(false, true)) {
            output.hangUp();
        }
    }
}
