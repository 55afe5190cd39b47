package io.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM (what {@code docker stop}, systemd and Kubernetes send) and SIGINT (Ctrl-C), taken over from the JVM so the
 * orderly shutdown runs before any shutdown hook. The first signal starts it on its own thread; a second one while it
 * runs is ignored (the bound still applies).
 */
final class ShutdownSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {
    }

    static void onTerminate(Runnable orderly) {
        AtomicBoolean started = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (started.compareAndSet(false, true)) {
                        LOG.info("SIG{} received", signal.getName());
                        Thread t = new Thread(orderly, "switchboard-stop");
                        t.start();
                    }
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not offered on this platform (or the JVM reserves it): the shutdown hook still closes in order.
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }

    /** The last resort: whatever hangs, the process is gone {@code after} from now. */
    static void haltAfter(Duration after) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(after);
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("shutdown took longer than {} s; halting", after.toSeconds());
            Runtime.getRuntime().halt(Main.EXIT_FAILURE);
        }, "switchboard-halt");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
