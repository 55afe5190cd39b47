package io.switchboard.media.call;

import java.util.List;

/**
 * sentences: splits each {@link ReplyFrame.Answer} into {@link ReplyFrame.Begin}, one {@link ReplyFrame.Sentence} per
 * sentence ({@link Sentences}) and {@link ReplyFrame.EndOfReply}, so each sentence is synthesised, cached and marked on
 * its own. The end always follows the begin, even when a later stage fails, so the playback is never left thinking a
 * reply is still being sent. A committed speculation's held audio stands in for the first sentence. A prepared
 * {@link ReplyFrame.Prepare} becomes a {@link ReplyFrame.Hold} of its reply's first sentence. Keeps no state.
 */
final class SentenceStage implements Stage {

    @Override
    public String name() {
        return "sentences";
    }

    @Override
    public void onFrame(Frame frame, StageContext context) {
        switch (frame) {
            case ReplyFrame.Answer a -> split(a, context);
            case ReplyFrame.Prepare p -> {
                List<String> sentences = Sentences.of(p.speculation().preview().result().reply());
                if (!sentences.isEmpty()) {
                    context.emit(new ReplyFrame.Hold(p.speculation(), sentences.get(0)));
                }
            }
            default -> context.emit(frame);
        }
    }

    private static void split(ReplyFrame.Answer answer, StageContext context) {
        List<String> sentences = Sentences.of(answer.text());
        context.emit(new ReplyFrame.Begin(answer, sentences.size()));
        try {
            for (int i = 0; i < sentences.size(); i++) {
                context.emit(new ReplyFrame.Sentence(i, sentences.get(i), i == 0 ? answer.release() : null));
            }
        } finally {
            context.emit(new ReplyFrame.EndOfReply(answer, sentences.size()));
        }
    }
}
