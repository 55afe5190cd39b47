package io.switchboard.media.call;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.PreviewedTurn;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import java.util.Objects;
import java.util.Optional;

/**
 * Speculative replies through the dialog's own preview ({@link DialogEngine#preview}): computed with no effect, and
 * committed through the same engine the call's turns go through, so whatever wraps the dialog (follow-up texts, call
 * transfers) acts on a committed turn exactly as on any other.
 */
public final class DialogTurnPreview implements TurnPreview {

    private final DialogEngine engine;

    public DialogTurnPreview(DialogEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public Optional<Preview> preview(TurnRequest request) {
        return engine.preview(request).map(Previewed::new);
    }

    private record Previewed(PreviewedTurn turn) implements Preview {

        @Override
        public TurnResult result() {
            return turn.result();
        }

        @Override
        public TurnResult commit(TurnRequest asHeard) {
            return turn.commit(asHeard);
        }
    }
}
