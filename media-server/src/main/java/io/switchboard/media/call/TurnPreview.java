package io.switchboard.media.call;

import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import java.util.Optional;

/**
 * The dialog seam speculative replies need: the reply a turn <em>would</em> get, computed with no effect at all (no
 * conversation saved, nothing booked, moved or cancelled, no text, alert or code sent), and a separate commit that
 * makes the turn happen. A preview that is never committed must leave no trace.
 *
 * <p>{@link io.switchboard.dialog.DialogEngine#handle} cannot be used for this: the dialog books, alerts and texts
 * inside the call that computes the reply. So a call speculates only through a preview; {@link #NONE} (the default)
 * declines every preview, and then nothing is speculated.
 */
public interface TurnPreview {

    /** The reply {@code request} would get, or empty when it cannot be computed without effect. */
    Optional<Preview> preview(TurnRequest request);

    /** One computed, not yet applied turn. */
    interface Preview {

        /** What the turn would reply and expect; its actions have not been performed. */
        TurnResult result();

        /**
         * Applies the turn now (saves the conversation, performs its actions) with the message as finally heard —
         * the previewed words, with the recogniser's final alternatives, which the real turn weighs — and returns the
         * result actually applied, which may differ from {@link #result()} if the conversation moved on since. Called
         * at most once.
         */
        TurnResult commit(TurnRequest asHeard);
    }

    /** Declines every preview: calls never speculate. */
    TurnPreview NONE = request -> Optional.empty();
}
