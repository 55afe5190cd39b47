package io.switchboard.server;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.session.SessionStore;
import io.switchboard.scheduling.Scheduling;

/** Builds the dialog engine over the wired components; {@code Receptionist.create} in production. */
@FunctionalInterface
public interface EngineFactory {

    DialogEngine create(Scheduling scheduling, SessionStore sessions, LlmFallback llm, Notifier notifier);
}
