package io.switchboard.server;

import ch.qos.logback.classic.Level;
import io.switchboard.models.Channel;
import io.switchboard.models.ServiceType;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.database.DatabaseBackup;
import io.switchboard.scheduling.database.DataDirInUseException;
import io.switchboard.scheduling.profile.BusinessBinding;
import io.switchboard.scheduling.profile.BusinessMismatchException;
import io.switchboard.scheduling.profile.ProfileException;
import io.switchboard.scheduling.profile.ProfileWarning;
import io.switchboard.telephony.http.ControlPlane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher: {@code java -jar switchboard.jar [serve | chat [--channel web|sms|whatsapp|voice] [--from NUMBER] |
 * profile]}. Configuration comes from environment variables (and the YAML file they may name), read once here
 * into the {@link Settings}: this is the one place the process environment is read.
 */
public final class Main {

    /** Exit status for bad configuration, a bad profile or bad arguments. */
    static final int EXIT_CONFIG = 2;
    static final int EXIT_FAILURE = 1;
    /** After the shutdown bound, this long for the exit itself before the process is halted. */
    static final java.time.Duration EXIT_MARGIN = java.time.Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Command.USAGE);
            System.exit(EXIT_CONFIG);
            return;
        }
        if (command.name() != Command.Name.SERVE) {
            // Start-up chatter would drown the conversation or the report.
            quietLogs();
        }
        try {
            Settings settings = Settings.load(System.getenv());
            ServerConfig config = settings.server();
            switch (command.name()) {
                case SERVE -> serve(settings);
                case CHAT -> {
                    chat(settings, command.channel(), command.from());
                    System.exit(0);
                }
                case PROFILE -> {
                    profile(config, System.out);
                    System.exit(0);
                }
                case BACKUP -> {
                    backup(config, command.file(), System.out);
                    System.exit(0);
                }
                case RESTORE -> {
                    restore(config, command.file(), System.out);
                    System.exit(0);
                }
                case HELP -> {
                    System.out.println(Command.USAGE);
                    System.exit(0);
                }
            }
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(EXIT_CONFIG);
        } catch (ProfileException e) {
            System.err.println("Business profile error: " + e.getMessage());
            System.exit(EXIT_CONFIG);
        } catch (DatabaseBackup.BackupException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_FAILURE);
        } catch (DataDirInUseException | BusinessMismatchException e) {
            // Expected situations, not crashes: one line saying what to do, no stack trace.
            System.err.println(e.getMessage());
            System.exit(EXIT_CONFIG);
        } catch (RuntimeException e) {
            LOG.error("Switchboard failed to start", e);
            System.err.println("Switchboard failed to start: " + e);
            System.exit(EXIT_FAILURE);
        }
    }

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes everything in order. */
    static void serve(Settings settings) {
        LOG.info("starting with {}", settings);
        Switchboard switchboard = Switchboard.open(settings);
        ControlPlane http;
        try {
            switchboard.startVoice();
            switchboard.startCalendarRelay();
            switchboard.startBackups();
            switchboard.startReminders();
            http = switchboard.startHttp();
        } catch (RuntimeException e) {
            switchboard.close();
            throw e;
        }
        Shutdown shutdown = switchboard.shutdownSequence(settings.shutdownTimeout());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run the orderly sequence first, while the database and every other component are still
        // up, and only then exit: JVM shutdown hooks run concurrently, so the embedded database's own hook would
        // stop PostgreSQL under calls still saying goodbye.
        ShutdownSignals.onTerminate(() -> {
            LOG.info("Switchboard stopping");
            ShutdownSignals.haltAfter(shutdown.bound().plus(EXIT_MARGIN));
            shutdown.run();
            stopped.countDown();
        });
        // Any other way out (System.exit, SIGHUP) still closes in order, as far as the hooks allow.
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "switchboard-shutdown"));
        LOG.info("{}", readyLine(switchboard, http));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Switchboard stopped");
        System.exit(0);
    }

    static String readyLine(Switchboard switchboard, ControlPlane http) {
        Scheduling scheduling = switchboard.scheduling();
        ServiceType first = scheduling.profile().services().getFirst();
        String media = switchboard.media().map(m -> ", media ws://" + m.settings().host() + ":" + m.port()
                + m.settings().path()).orElse("");
        return "Switchboard ready: " + scheduling.profile().name() + " on http://" + switchboard.config().httpHost()
                + ":" + http.port() + media + " (today " + first.name() + ": "
                + OpenRanges.describe(scheduling, first, OpenRanges.today(scheduling)) + ")";
    }

    static void chat(Settings settings, Channel channel, String from) {
        try (Switchboard switchboard = Switchboard.open(settings)) {
            new TerminalChat(switchboard.engine(), channel, from)
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the terminal", e);
        }
    }

    /** Only the profile and the database: no sessions, LLM or engine are needed to check a profile. */
    static void profile(ServerConfig config, PrintStream out) {
        List<ProfileWarning> warnings = new ArrayList<>();
        var profile = Switchboard.loadProfile(config, warnings::add);
        Clock clock = config.clock(profile.timezone());
        try (Database database = Database.open(config.databaseSettings())) {
            ProfileReport.print(Scheduling.create(profile, clock, database), out);
            // Read only: checking a profile must not bind the database to it.
            ProfileReport.printData(new BusinessBinding(database, clock), profile, out);
            ProfileReport.printWarnings(warnings, out);
        }
    }

    /** Writes a consistent snapshot of the configured database (embedded or {@code DATABASE_URL}) to {@code file}. */
    static void backup(ServerConfig config, Path file, PrintStream out) {
        try (Database database = Database.open(config.databaseSettings())) {
            DatabaseBackup.Summary summary = DatabaseBackup.write(database, file, config.clock(ZoneOffset.UTC));
            out.println("Backed up " + summary.totalRows() + " rows of " + summary.rows().size()
                    + " tables (schema version " + summary.schemaVersion() + ", "
                    + summary.rows().getOrDefault("appointment", 0L) + " appointments) to " + file.toAbsolutePath());
        }
    }

    /** Loads {@code file} into the configured database, which must be empty (a fresh data dir, a new database). */
    static void restore(ServerConfig config, Path file, PrintStream out) {
        try (Database database = Database.open(config.databaseSettings())) {
            DatabaseBackup.Summary summary = DatabaseBackup.restore(database, file);
            out.println("Restored " + summary.totalRows() + " rows of " + summary.rows().size()
                    + " tables (schema version " + summary.schemaVersion() + ", "
                    + summary.rows().getOrDefault("appointment", 0L) + " appointments) into "
                    + config.databaseSettings());
        }
    }

    private static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
