package io.switchboard.media.call;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.metrics.DependencyKind;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Channel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dialog: answers each {@link ReplyFrame.Turn} with a {@link ReplyFrame.Answer}: the dialog engine's reply (a blocking
 * JDBC call, so this stage runs on the call's speaking thread, never an event loop), or a fixed prompt for re-prompts,
 * the silence goodbye and the shutdown goodbye, or an apology when the engine fails. Owns the conversation's side of
 * the call: turns so far, what the last reply asked for, whether the conversation is over, and the speculation held.
 *
 * <p>Speculation: on {@link ReplyFrame.Prepare} it asks {@link TurnPreview} for an uncommitted reply to the words so
 * far and holds the speculation (the stages after it hold the first sentence's audio). The next spoken turn with the
 * same words and no cut reply commits the preview, and only then does the turn take effect; its answer releases the
 * held audio if the committed reply still says what was prepared. Other words are a miss, a voided speculation is
 * dropped, and either way the turn runs as usual.
 */
final class DialogStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(DialogStage.class);

    private final CallContext call;
    private final DialogEngine engine;
    private final TurnPreview previews;
    private final CallMetrics metrics;
    private final TurnTakingStats stats;
    private final CallClock clock;
    private int turns;
    private Expectation expecting = Expectation.NONE;
    /** Written here only; read by the call thread to refuse turns once the conversation is over. */
    private volatile boolean ending;
    private Speculation held;

    DialogStage(CallContext call, DialogEngine engine, TurnPreview previews, CallMetrics metrics,
                TurnTakingStats stats, CallClock clock) {
        this.call = call;
        this.engine = engine;
        this.previews = previews;
        this.metrics = metrics;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dialog";
    }

    /** What the last reply asked for. */
    Expectation expecting() {
        return expecting;
    }

    /** Whether the conversation is over (any thread). */
    boolean ending() {
        return ending;
    }

    @Override
    public void onFrame(Frame frame, StageContext context) {
        switch (frame) {
            case ReplyFrame.Turn t -> context.emit(answer(t.input()));
            case ReplyFrame.Prepare p -> prepare(p.speculation(), context);
            default -> context.emit(frame);
        }
    }

    /** The conversation is over: the dialog forgets the session. Never throws. */
    void end() {
        try {
            engine.end(Channel.VOICE, call.callSid());
        } catch (RuntimeException e) {
            LOG.warn("call {}: dialog engine failed to end the session ({})", call.maskedId(), e.toString());
        }
    }

    private void prepare(Speculation s, StageContext context) {
        if (held != null) {
            held.drop();
        }
        held = null;
        if (s.abandoned() || ending) {
            return;
        }
        Optional<TurnPreview.Preview> preview;
        try {
            preview = previews.preview(TurnRequest.text(Channel.VOICE, call.callSid(), call.from(), s.words()));
        } catch (RuntimeException e) {
            LOG.warn("call {}: speculative turn failed ({})", call.maskedId(), e.toString());
            return;
        }
        if (preview.isEmpty()) {
            return;
        }
        s.prepared(preview.get());
        held = s;
        context.emit(new ReplyFrame.Prepare(s));
    }

    private ReplyFrame.Answer answer(TurnInput input) {
        int turn = ++turns;
        switch (input) {
            case TurnInput.Silence s -> {
                ending |= s.giveUp();
                return fixed(turn, s.giveUp() ? TurnTrigger.SILENCE_GOODBYE : TurnTrigger.REPROMPT, input,
                        s.giveUp() ? CallPrompts.SILENT_GOODBYE : CallPrompts.STILL_THERE);
            }
            case TurnInput.Closing c -> {
                ending = true;
                return fixed(turn, TurnTrigger.SHUTDOWN, input, CallPrompts.CLOSING);
            }
            default -> {
                return asked(turn, input);
            }
        }
    }

    private ReplyFrame.Answer fixed(int turn, TurnTrigger trigger, TurnInput input, String text) {
        return new ReplyFrame.Answer(turn, trigger, input.readyNanos(), 0, 0, 0, null, text, null, null, ending,
                expecting);
    }

    private ReplyFrame.Answer asked(int turn, TurnInput input) {
        TurnTrigger trigger = switch (input) {
            case TurnInput.Spoken s -> s.early() ? TurnTrigger.EARLY_SPEECH : TurnTrigger.SPEECH;
            case TurnInput.Keyed k -> TurnTrigger.KEYPAD;
            default -> TurnTrigger.GREETING;
        };
        long sttFinal = input instanceof TurnInput.Spoken s ? s.sttFinalNanos() : 0;
        int silence = input instanceof TurnInput.Spoken s ? s.silenceMillis() : 0;
        String heard = switch (input) {
            case TurnInput.Spoken s -> s.text();
            case TurnInput.Keyed k -> k.digits();
            default -> null;
        };
        Speculation used = usable(input);
        TurnResult result;
        try {
            // A committed speculation is handled as finally heard (the final's alternatives, not the partial alone).
            result = used != null ? used.preview().commit(request(input)) : ask(input);
        } catch (RuntimeException e) {
            metrics.errors().record(DependencyKind.DIALOG);
            LOG.error("call {}: dialog engine failed on turn {} ({})", call.maskedId(), turn, e.toString());
            return new ReplyFrame.Answer(turn, trigger, input.readyNanos(), sttFinal, clock.nanoTime(), silence,
                    heard, CallPrompts.TROUBLE, null, null, ending, expecting);
        }
        long dialogDone = clock.nanoTime();
        expecting = result.expecting() == null ? Expectation.NONE : result.expecting();
        ending |= result.has(DialogAction.EndConversation.class);
        Speculation release = null;
        if (used != null) {
            // The committed turn is the one that counts; its held audio only if it still says what was prepared.
            if (result.reply().equals(used.preview().result().reply()) && used.holdsAudio()) {
                release = used;
                stats.speculationHit();
            } else {
                used.drop();
                stats.speculationMiss();
            }
        }
        return new ReplyFrame.Answer(turn, trigger, input.readyNanos(), sttFinal, dialogDone, silence, heard,
                result.reply(), result, release, ending, expecting);
    }

    /** The held speculation if this turn may commit it; a miss is counted here. Clears what is held. */
    private Speculation usable(TurnInput input) {
        Speculation speculated = held;
        held = null;
        if (speculated == null) {
            return null;
        }
        if (!speculated.voided() && input instanceof TurnInput.Spoken s) {
            if (speculated.preparedOn(s.text()) && !s.replyCut()) {
                return speculated;
            }
            stats.speculationMiss();
        }
        speculated.drop();
        return null;
    }

    private TurnResult ask(TurnInput input) {
        return input instanceof TurnInput.Greeting
                ? engine.begin(Channel.VOICE, call.callSid(), call.from())
                : engine.handle(request(input));
    }

    /** The dialog's message for a spoken or keyed turn. */
    private TurnRequest request(TurnInput input) {
        return switch (input) {
            case TurnInput.Spoken s -> heard(TurnRequest.text(Channel.VOICE, call.callSid(), call.from(), s.text())
                    .withAlternatives(s.alternatives()), s.replyCut());
            case TurnInput.Keyed k -> heard(
                    TurnRequest.digits(Channel.VOICE, call.callSid(), call.from(), k.digits()), k.replyCut());
            case TurnInput.Greeting g -> throw new IllegalStateException("a greeting is begun, not handled");
            case TurnInput.Silence s -> throw new IllegalStateException("a re-prompt asks no dialog");
            case TurnInput.Closing c -> throw new IllegalStateException("a goodbye asks no dialog");
        };
    }

    private static TurnRequest heard(TurnRequest request, boolean replyCut) {
        return replyCut ? request.afterCutReply() : request;
    }
}
