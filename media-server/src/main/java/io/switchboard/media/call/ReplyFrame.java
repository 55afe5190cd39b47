package io.switchboard.media.call;

import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;

/**
 * What flows through a call's outbound {@link Pipeline}, {@code dialog → sentences → tts → pacing}: a turn to answer,
 * the dialog's answer, the reply's sentences, its audio ({@link ReplyAudio}, reused, so a 20 ms reply frame allocates
 * nothing), the end of the reply, and the hang-up. Barge-in travels as {@link Frame.Interrupt}, upstream from pacing.
 * The records are made once per turn or sentence, never per frame.
 */
sealed interface ReplyFrame extends Frame permits ReplyFrame.Turn, ReplyFrame.Prepare, ReplyFrame.Answer,
        ReplyFrame.Hold, ReplyFrame.Begin, ReplyFrame.Playing, ReplyFrame.Sentence, ReplyFrame.EndOfReply, ReplyFrame.HangUp, ReplyAudio {

    /** Into the dialog: a finished turn of the caller's (or a greeting, re-prompt or shutdown goodbye) to answer. */
    record Turn(TurnInput input) implements ReplyFrame {
    }

    /**
     * Into the dialog: prepare a speculative reply on the words so far and hold it. Leaves the dialog once the preview
     * is made (the speculation then holds it), for its first sentence to be synthesised into the speculation's holder.
     */
    record Prepare(Speculation speculation) implements ReplyFrame {
    }

    /**
     * Out of the dialog: the reply to turn {@code turn} and what it needs for the turn's timing and log.
     *
     * @param heard   the caller's words or keys, or null (greeting, re-prompt, goodbye)
     * @param result  the dialog's answer, or null when the dialog was not asked or failed
     * @param release a committed speculation whose held audio is the first sentence's, or null
     * @param ending  whether the conversation is over once this reply has played
     */
    record Answer(int turn, TurnTrigger trigger, long readyNanos, long sttFinalNanos, long dialogDoneNanos,
                  int silenceMillis, String heard, String text, TurnResult result, Speculation release,
                  boolean ending, Expectation expecting) implements ReplyFrame {

        /** A reply to the caller's speech, whose start is watched for cutting them off. */
        boolean toSpeech() {
            return trigger == TurnTrigger.SPEECH || trigger == TurnTrigger.EARLY_SPEECH;
        }
    }

    /** Out of the sentence split: synthesise {@code sentence} into {@code speculation}'s holder, sending nothing. */
    record Hold(Speculation speculation, String sentence) implements ReplyFrame {
    }

    /** A reply of {@code sentences} sentences starts; its sentences, their audio and its end follow. */
    record Begin(Answer answer, int sentences) implements ReplyFrame {
    }

    /**
     * Upstream, from pacing to TTS: the reply just begun is {@code reply} on the playback. TTS reads only its
     * {@link Reply#cancelled()} flag, between frames, so a barge-in stops synthesis within one frame even before the
     * next frame is refused.
     */
    record Playing(Reply reply) implements ReplyFrame {
    }

    /**
     * Sentence {@code index} of the current reply. Before TTS it asks for the sentence's audio (from {@code held}, a
     * committed speculation, when set); after TTS it follows that audio, and pacing marks the end of the sentence.
     */
    record Sentence(int index, String text, Speculation held) implements ReplyFrame {
    }

    /**
     * The current reply is over: all sent, or cut. TTS fills in when its first audio came, pacing when the first
     * frame went out and what the caller heard.
     */
    record EndOfReply(Answer answer, int sentences, long firstAudioNanos, long firstSentNanos, boolean cut,
                      int sentencesHeard) implements ReplyFrame {

        EndOfReply(Answer answer, int sentences) {
            this(answer, sentences, 0, 0, false, 0);
        }

        EndOfReply withFirstAudio(long nanos) {
            return new EndOfReply(answer, sentences, nanos, firstSentNanos, cut, sentencesHeard);
        }

        EndOfReply played(long firstSent, boolean wasCut, int heard) {
            return new EndOfReply(answer, sentences, firstAudioNanos, firstSent, wasCut, heard);
        }

        /** The turn's timing on the call's clock. */
        TurnLatency latency(String callId) {
            Answer a = answer;
            return new TurnLatency(callId, a.turn(), a.trigger(), a.readyNanos(), a.sttFinalNanos(),
                    a.dialogDoneNanos(), firstAudioNanos, firstSentNanos, cut, cut ? sentencesHeard : sentences,
                    sentences, a.silenceMillis());
        }
    }

    /** The conversation is over: once what was sent has played (or a while has passed), end the call. */
    record HangUp(long maxWaitNanos) implements ReplyFrame {
    }
}
