package io.switchboard.media.call;

import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.media.tts.AudioSink;
import io.switchboard.media.tts.CachedPrompt;
import io.switchboard.media.tts.PromptCache;
import io.switchboard.media.tts.SpeechSynthesisException;
import io.switchboard.media.tts.SpeechStream;
import io.switchboard.media.tts.SpeechSynthesizer;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tts: turns each {@link ReplyFrame.Sentence} into {@link ReplyAudio} frames, then passes the sentence on after its
 * audio: a committed speculation's held audio at once, a cached prompt straight from memory, the rest streamed from
 * the synthesiser (blocking, on the call's speaking thread). A {@link ReplyFrame.Hold} is synthesised into the
 * speculation's holder instead and goes no further. When pacing reports upstream that the line stopped taking the
 * reply ({@link Frame.Interrupt}: a barge-in or the end of the call), or the reply pacing named
 * ({@link ReplyFrame.Playing}) was cancelled, synthesis stops within a frame and the reply's remaining sentences are
 * dropped. Stamps the reply's first audio on its {@link ReplyFrame.EndOfReply}. The reply
 * frame and the sink are reused, so a frame of audio allocates nothing here.
 */
final class TtsStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(TtsStage.class);

    private final SpeechSynthesizer synthesizer;
    private final PromptCache prompts;
    private final CallMetrics metrics;
    private final CallClock clock;
    private final String callId;
    private final ReplyAudio audio = new ReplyAudio();
    private final Forward forward = new Forward();
    private final BooleanSupplier cutNow = this::cut;
    // The current reply's.
    private Reply playing;
    private boolean cut;
    private long firstAudioNanos;

    TtsStage(SpeechSynthesizer synthesizer, PromptCache prompts, CallMetrics metrics, CallClock clock, String callId) {
        this.synthesizer = synthesizer;
        this.prompts = prompts;
        this.metrics = metrics;
        this.clock = clock;
        this.callId = callId;
    }

    @Override
    public String name() {
        return "tts";
    }

    @Override
    public void onFrame(Frame frame, StageContext context) {
        switch (frame) {
            case ReplyFrame.Begin b -> {
                cut = false;
                playing = null;
                firstAudioNanos = 0;
                context.emit(b);
            }
            case ReplyFrame.Sentence s -> speak(s, context);
            case ReplyFrame.EndOfReply end -> context.emit(end.withFirstAudio(firstAudioNanos));
            case ReplyFrame.Hold h -> hold(h);
            default -> context.emit(frame);
        }
    }

    @Override
    public void onUpstream(Frame frame, StageContext context) {
        if (frame instanceof Frame.Interrupt) {
            cut = true;
        } else if (frame instanceof ReplyFrame.Playing p) {
            playing = p.reply();
        } else {
            context.emitUpstream(frame);
        }
    }

    /** Whether the line stopped taking the current reply: refused a frame, or the reply was cancelled since. */
    private boolean cut() {
        return cut || (playing != null && playing.cancelled());
    }

    private void speak(ReplyFrame.Sentence sentence, StageContext context) {
        if (cut()) {
            if (sentence.held() != null) {
                sentence.held().drop();
            }
            return;
        }
        forward.context = context;
        try {
            if (sentence.held() != null) {
                sentence.held().release(forward, cutNow);
            } else {
                Optional<CachedPrompt> cached = prompts.find(sentence.text());
                if (cached.isPresent()) {
                    cached.get().play(forward, cutNow);
                } else {
                    synthesizer.synthesize(sentence.text(), forward, cutNow);
                }
            }
        } catch (SpeechSynthesisException e) {
            metrics.errors().record(DependencyKind.SPEECH_SYNTHESIS);
            LOG.error("call {}: could not synthesise a sentence of {} characters ({})", callId,
                    sentence.text().length(), e.getMessage());
            return; // no mark for a sentence that was not said
        }
        context.emit(sentence);
    }

    private void hold(ReplyFrame.Hold hold) {
        Speculation s = hold.speculation();
        try {
            Optional<CachedPrompt> cached = prompts.find(hold.sentence());
            if (cached.isPresent()) {
                cached.get().play(s.holder(), s::abandoned);
            } else {
                // Held only until its turn arrives: a long sentence vocoded whole under load kept the turn waiting
                // 1.2-1.4 s (measured at 4 callers); the turn streams the rest instead.
                SpeechStream stream = synthesizer.open(hold.sentence(), s::abandoned);
                if (stream.deliver(s.holder(), s::holdingPauses)) {
                    s.holdRest(stream);
                } else {
                    stream.close();
                }
            }
        } catch (SpeechSynthesisException e) {
            LOG.warn("call {}: could not synthesise a speculative sentence ({})", callId, e.getMessage());
        }
    }

    /** The synthesiser's sink: each frame goes on at once, as the reused {@link #audio}. */
    private final class Forward implements AudioSink {
        StageContext context;

        @Override
        public void accept(byte[] frame, int offset, int length) {
            if (firstAudioNanos == 0) {
                firstAudioNanos = clock.nanoTime();
            }
            context.emit(audio.set(frame, offset, length));
        }
    }
}
