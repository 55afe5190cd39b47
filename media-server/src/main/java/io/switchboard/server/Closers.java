package io.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/** What a server opened, closed in reverse order of opening; a part that fails to close does not stop the rest. */
final class Closers {

    private static final Logger LOG = LoggerFactory.getLogger(Closers.class);

    private final Deque<Step> steps = new ArrayDeque<>();

    synchronized void push(String name, Closer action) {
        steps.push(new Step(name, action));
    }

    /** Pushes {@code component} when it has something to close. */
    void pushIfCloseable(String name, Object component) {
        if (component instanceof AutoCloseable closeable) {
            push(name, closeable::close);
        }
    }

    /** Closes everything pushed so far, last first. Safe to call twice. */
    void closeAll() {
        while (true) {
            Step step;
            synchronized (this) {
                if (steps.isEmpty()) {
                    return;
                }
                step = steps.pop();
            }
            try {
                step.action().run();
            } catch (Exception e) {
                // Keep going: a stuck HTTP server must not leave the database running.
                LOG.warn("{} did not close cleanly: {}", step.name(), e.toString());
            }
        }
    }

    private record Step(String name, Closer action) {
    }

    @FunctionalInterface
    interface Closer {
        void run() throws Exception;
    }
}
