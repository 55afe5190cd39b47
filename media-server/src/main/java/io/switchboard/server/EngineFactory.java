package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.scheduling.Scheduling;

/** Builds the dialog engine over the wired components; {@code Receptionist.create} in production. */
@FunctionalInterface
public interface EngineFactory {

    DialogEngine create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier);

    /**
     * As {@link #create(Scheduling, SessionStore, LlmFallback, Notifier)}, given the one-time-code verifier of the
     * text channels ({@link PhoneVerifier#unavailable()} without SMS). Engines that prove no numbers ignore it.
     */
    default DialogEngine create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier,
                                PhoneVerifier codes) {
        return create(scheduling, sessions, llm, notifier);
    }
}
