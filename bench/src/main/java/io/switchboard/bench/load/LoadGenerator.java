package io.switchboard.bench.load;

import io.switchboard.bench.load.ServerTurnLog.ServerTurn;
import io.switchboard.media.simulator.CallScript;
import io.switchboard.media.simulator.Caller;
import io.switchboard.media.simulator.Callers;
import io.switchboard.media.simulator.ScriptResult;
import io.switchboard.media.simulator.SimulatedCall;
import io.switchboard.media.simulator.StreamCredentials;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Runs levels of N simultaneous scripted callers against a running server on loopback, each caller booking a repair
 * by voice in a slot of its own ({@link SlotPlan}), and writes per level: turn latency percentiles, false cut-offs
 * ({@link FalseCutOffs}), the share of calls that ended with the right booking, server and caller CPU, server memory,
 * the server's recognition queue wait per priority (CSV, an SVG sheet of charts and an HTML page). Bounded in calls
 * ({@link LoadOptions#callsAt}) and in time ({@link LoadOptions#maxTime}); stops by itself.
 */
public final class LoadGenerator {

    private static final Duration PAUSE_BEFORE_SPEAKING = Duration.ofMillis(300);
    private static final Duration SETTLE_BETWEEN_LEVELS = Duration.ofSeconds(3);
    private static final int BOOKING_DAYS_CHECKED = 60;
    private static final String PHONE_PREFIX = "+4477009";
    /** Above the sample business's owner (+447700900999): a caller must never get the owner's PIN prompt. */
    private static final int FIRST_PHONE = 10_000;

    private final LoadOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AppointmentsClient appointments;
    private final Set<String> phonesTaken = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextPhone = new AtomicInteger(FIRST_PHONE);
    private final Set<SimulatedCall> inFlight = ConcurrentHashMap.newKeySet();
    private final double ticksPerSecond = ResourceSampler.clockTicksPerSecond();
    private long deadlineNanos;
    private java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    private volatile boolean outOfTime;

    LoadGenerator(LoadOptions options) throws java.io.IOException {
        this.options = options;
        this.appointments = new AppointmentsClient(http, options.httpUrl(), AdminTokenFile.find(System.getenv()));
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        new LoadGenerator(options).run(String.join(" ", args));
    }

    void run(String commandLine) throws Exception {
        checkHealth();
        OptionalLong pid = options.serverPid().isPresent() ? options.serverPid()
                : ListeningProcess.onPort(port(options.mediaUrl()));
        if (pid.isEmpty()) {
            System.out.println("[load] no process found listening on the media port: server CPU/RSS not measured"
                    + " (pass --server-pid)");
        }
        Caller caller = options.maryVoice() ? Callers.maryTts() : Callers.standard();
        System.out.println("[load] rendering the caller's lines with " + caller);
        CallScripts script = CallScripts.render(caller);
        List<BookedAppointment> before = calendar();
        before.forEach(a -> phonesTaken.add(a.phone()));
        AppointmentsClient.Hours hours = appointments.hours();
        zone = hours.zone();
        SlotPlan slots = SlotPlan.of(options.bookingsFrom(), hours.days(), hours.maxPerDay(), before, hours.zone());
        int needed = options.callers().stream().mapToInt(options::callsAt).sum();
        System.out.println("[load] " + slots.left() + " free slots in the next two weeks for " + needed + " calls");
        if (slots.left() < needed) {
            System.out.println("[load] not enough free slots: later levels will stop when the week is full"
                    + " (start the server on a fresh data directory)");
        }
        ServerTurnLog serverLog = options.serverLog().map(ServerTurnLog::new).orElse(null);

        Instant started = Instant.now();
        deadlineNanos = System.nanoTime() + options.maxTime().toNanos();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-deadline");
            t.setDaemon(true);
            return t;
        });
        watchdog.schedule(this::hangUpEverything, options.maxTime().toMillis(), TimeUnit.MILLISECONDS);
        List<LevelResult> results = new ArrayList<>();
        try {
            for (int callers : options.callers()) {
                if (outOfTime || System.nanoTime() > deadlineNanos) {
                    System.out.println("[load] time limit reached: level " + callers + " skipped");
                    continue;
                }
                LevelResult r = level(callers, script, slots, pid, serverLog);
                results.add(r);
                System.out.printf(Locale.ROOT, "[load] %2d callers: %d/%d right bookings (%s slot races lost), turn p50 %s p95 %s p99 %s ms,"
                                + " server CPU %s%% (peak %s%%), RSS %s MiB, stt/dialog/tts p50 %s/%s/%s ms%n",
                        r.callers(), r.rightBookings(), r.calls(),
                        r.slotRacesLost() < 0 ? "?" : Integer.toString(r.slotRacesLost()), CsvReport.number(r.p50()),
                        CsvReport.number(r.p95()), CsvReport.number(r.p99()), CsvReport.number(r.serverCpuAvg()),
                        CsvReport.number(r.serverCpuPeak()), CsvReport.number(r.serverRssMib()),
                        CsvReport.number(r.serverSttP50()), CsvReport.number(r.serverDialogP50()),
                        CsvReport.number(r.serverTtsP50()));
                System.out.printf(Locale.ROOT, "[load] %2d callers: %d/%d lines falsely cut off; callers' CPU %s%% (peak"
                                + " %s%%); stt queue wait (ms) %s%n", r.callers(), r.falseCutOffs(), r.turns(),
                        CsvReport.number(r.clientCpuAvg()), CsvReport.number(r.clientCpuPeak()),
                        QueueWaits.describe(r.queueWaits()));
                Thread.sleep(SETTLE_BETWEEN_LEVELS.toMillis());
            }
        } finally {
            watchdog.shutdownNow();
        }
        List<String> about = new ArrayList<>(MachineInfo.describe());
        about.add("started " + started + ", took " + Duration.between(started, Instant.now()).toSeconds() + " s");
        about.add("command: load " + commandLine);
        about.add("script: " + String.join(" / ", script.lines()) + ", with '" + Callers.DAY + "' replaced by a free"
                + " slot of the caller's own such as \"wednesday at two o'clock\" (" + caller + ", "
                + PAUSE_BEFORE_SPEAKING.toMillis() + " ms reaction time after each reply)");
        about.add("false cut-off: the reply's first frame came before the line's last voiced frame was sent, or the"
                + " caller spoke again within " + (int) FalseCutOffs.RESUME_MILLIS + " ms of it");
        about.add("server pid " + (pid.isPresent() ? pid.getAsLong() : "unknown") + "; CPU is % of one core");
        write(results, about);
    }

    private LevelResult level(int callers, CallScripts script, SlotPlan slots, OptionalLong pid,
                              ServerTurnLog serverLog) throws Exception {
        int calls = Math.min(options.callsAt(callers), slots.left());
        System.out.printf(Locale.ROOT, "[load] level: %d simultaneous callers, %d calls%n", callers, calls);
        // Rendered before the level starts: synthesis must not load the machine the callers measure.
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            SlotPlan.Slot slot = slots.take();
            planned.add(new Planned(slot, script.forSlot(slot)));
        }
        Map<String, QueueWaits.Histogram> waitsBefore = queueWaits();
        long logStart = serverLog == null ? 0 : serverLog.end();
        ResourceSampler server = pid.isPresent() ? ResourceSampler.start(ProcStat.of(pid.getAsLong()), ticksPerSecond)
                : null;
        ResourceSampler client = ResourceSampler.start(ProcStat.of(ProcessHandle.current().pid()), ticksPerSecond);
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            long delayMs = options.ramp().toMillis() * i / callers;
            Thread worker = new Thread(() -> {
                try {
                    Thread.sleep(delayMs);
                    for (int n; (n = next.getAndIncrement()) < calls && !outOfTime; ) {
                        outcomes.add(call(planned.get(n)));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "caller-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ResourceSampler.Usage serverUsage = server == null ? null : server.finish();
        ResourceSampler.Usage clientUsage = client.finish();
        Map<String, QueueWaits.Wait> waits = waitsBefore.isEmpty() ? Map.of()
                : QueueWaits.between(waitsBefore, queueWaits());
        // The booking is written before the goodbye is spoken, but give the server a moment anyway.
        Thread.sleep(1000);
        BookingAudit audit = new BookingAudit(zone, calendar(), script.name());
        List<Double> latencies = new ArrayList<>();
        int completed = 0;
        int right = 0;
        int cutOffs = 0;
        for (CallOutcome o : outcomes) {
            cutOffs += o.cutOffs();
            o.script().turns().forEach(t -> latencies.add(t.latencyMillis()));
            completed += o.conversationCompleted() ? 1 : 0;
            boolean ok = audit.rightBooking(o);
            right += ok ? 1 : 0;
            if (!ok) {
                System.out.println("[load]   call from ***" + o.phone().substring(o.phone().length() - 3)
                        + " without the right booking: " + o.script().failureReason().orElse(
                        "conversation " + (o.conversationCompleted() ? "completed" : "not completed, close code "
                                + o.closeCode()) + "; " + o.script().turns().size() + " turns"));
            }
        }
        Percentiles p = Percentiles.of(latencies);
        List<ServerTurn> turns = serverLog == null ? List.of()
                : serverLog.since(logStart).stream().filter(ServerTurn::spoken).toList();
        return new LevelResult(callers, outcomes.size(), completed, right, p.count(), p.at(50), p.at(95), p.at(99),
                p.max(), serverUsage == null ? Double.NaN : serverUsage.avgCpuPercent(),
                serverUsage == null ? Double.NaN : serverUsage.peakCpuPercent(),
                serverUsage == null ? Double.NaN : serverUsage.peakRssKib() / 1024.0, clientUsage.avgCpuPercent(),
                audit.doubleBookings(), serverLog == null ? -1 : serverLog.slotsTakenSince(logStart),
                stage(turns, ServerTurn::stt, 50), stage(turns, ServerTurn::stt, 95),
                stage(turns, ServerTurn::dialog, 50), stage(turns, ServerTurn::dialog, 95),
                stage(turns, ServerTurn::tts, 50), stage(turns, ServerTurn::tts, 95),
                stage(turns, ServerTurn::total, 50), stage(turns, ServerTurn::total, 95), seconds, cutOffs,
                clientUsage.peakCpuPercent(), waits);
    }

    /** A call of a level: its slot and the script asking for it. */
    private record Planned(SlotPlan.Slot slot, CallScript script) {
    }

    /** The server's recognition queue-wait histograms now; empty when its metrics cannot be read. */
    private Map<String, QueueWaits.Histogram> queueWaits() {
        try {
            return QueueWaits.parse(appointments.metrics());
        } catch (IOException e) {
            System.out.println("[load] server metrics not readable, queue wait not measured: " + e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static double stage(List<ServerTurn> turns, ToDoubleFunction<ServerTurn> stage, double percentile) {
        return Percentiles.of(turns.stream().mapToDouble(stage).toArray()).at(percentile);
    }

    /**
     * With {@code TWILIO_AUTH_TOKEN} set (the server's), each call goes through the signed voice webhook first, as
     * with Twilio, so a server with verification on takes it; without, the server must run with
     * {@code SWITCHBOARD_TWILIO_VERIFY=false}.
     */
    private StreamCredentials credentials(String callSid, String phone) throws Exception {
        String authToken = System.getenv("TWILIO_AUTH_TOKEN");
        if (authToken == null || authToken.isBlank()) {
            return StreamCredentials.none();
        }
        String publicUrl = Optional.ofNullable(System.getenv("SWITCHBOARD_PUBLIC_URL")).filter(u -> !u.isBlank())
                .orElse(options.httpUrl().toString()).replaceAll("/+$", "");
        return StreamCredentials.viaVoiceWebhook(http, options.httpUrl().resolve("/twilio/voice"),
                publicUrl + "/twilio/voice", authToken, callSid, phone, "+441174960000");
    }

    /** One booking call from a fresh caller id; never throws, a failure is part of the outcome. */
    private CallOutcome call(Planned plan) throws InterruptedException {
        String phone = freshPhone();
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        SimulatedCall call;
        try {
            call = SimulatedCall.dial(http, options.mediaUrl(), callSid, phone, credentials(callSid, phone));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new CallOutcome(phone, new ScriptResult(0, List.of(), "could not connect: " + e), -1, 0,
                    plan.slot());
        }
        inFlight.add(call);
        try {
            if (outOfTime) {
                return new CallOutcome(phone, new ScriptResult(0, List.of(), "time limit"), 0, 0, plan.slot());
            }
            TimedScript.Played played = TimedScript.play(plan.script(), call, PAUSE_BEFORE_SPEAKING,
                    options.replyTimeout());
            int closeCode;
            try {
                closeCode = call.awaitClosed(Duration.ofSeconds(10));
            } catch (Exception e) {
                closeCode = 0;
            }
            return new CallOutcome(phone, played.result(), closeCode, played.cutOffs(), plan.slot());
        } finally {
            inFlight.remove(call);
            try {
                call.close();
            } catch (Exception ignored) {
                // hanging up a broken call
            }
        }
    }

    private String freshPhone() {
        while (true) {
            int n = nextPhone.getAndIncrement();
            if (n > 99_999) {
                throw new IllegalStateException("out of caller ids");
            }
            String phone = PHONE_PREFIX + String.format(Locale.ROOT, "%05d", n);
            if (phonesTaken.add(phone)) {
                return phone;
            }
        }
    }

    private void hangUpEverything() {
        outOfTime = true;
        System.out.println("[load] time limit reached: hanging up " + inFlight.size() + " calls");
        for (SimulatedCall call : inFlight) {
            try {
                call.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
    }

    private List<BookedAppointment> calendar() throws IOException, InterruptedException {
        LocalDate from = options.bookingsFrom();
        return appointments.between(from, from.plusDays(BOOKING_DAYS_CHECKED));
    }

    private void checkHealth() throws IOException, InterruptedException {
        URI health = options.httpUrl().resolve("/health");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("no server at " + health + " (start it first: java -jar "
                    + "media-server/target/switchboard.jar): " + e, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(health + " answered " + response.statusCode() + ": the server is not ready");
        }
    }

    private void write(List<LevelResult> results, List<String> about) throws IOException {
        Path dir = options.out();
        Files.createDirectories(dir);
        Path csv = dir.resolve("load-results.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            CsvReport.write(results, w);
        }
        Path html = dir.resolve("load-results.html");
        Files.writeString(html, HtmlReport.render(results, about), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("load-results.svg"), HtmlReport.sheet(results), StandardCharsets.UTF_8);
        Files.write(dir.resolve("load-results-machine.txt"), about, StandardCharsets.UTF_8);
        System.out.println("[load] wrote " + csv + ", " + html + " and load-results.svg");
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "wss".equals(uri.getScheme()) ? 443 : 80;
    }
}
