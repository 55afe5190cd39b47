package io.switchboard.telephony.messaging;

import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.LoggingNotifier;
import io.switchboard.telephony.voice.MissedCalls;
import io.switchboard.dialog.Notifier;
import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.telephony.alerts.HandOffText;
import io.switchboard.telephony.alerts.OwnerAlertDispatcher;
import io.switchboard.telephony.alerts.OwnerAlertSettings;
import io.switchboard.telephony.alerts.OwnerAlertStore;
import io.switchboard.telephony.alerts.OwnerAlertText;
import io.switchboard.telephony.alerts.OwnerAlertWorker;
import io.switchboard.telephony.metrics.CountingMessenger;
import io.switchboard.telephony.metrics.OutboundMetrics;
import io.switchboard.telephony.metrics.OwnerAlertMetrics;
import io.switchboard.telephony.outbound.ChannelSender;
import io.switchboard.telephony.outbound.OutboundMessagingService;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.RecipientRateLimiter;
import io.switchboard.telephony.outbound.RetryPolicy;
import io.switchboard.telephony.outbound.TwilioSmsSender;
import io.switchboard.telephony.outbound.WhatsAppCloudSender;
import io.switchboard.telephony.ratelimit.InboundLimits;
import io.switchboard.telephony.twilio.TwilioSignatureVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppSignatureVerifier;
import io.switchboard.telephony.whatsapp.WhatsAppSubscriptionVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything text-channel, built from configuration: the outbound messenger (rate-limited, retried, opt-out aware),
 * the owner's emergency {@link Notifier}, the voice {@link FollowUpSender}, and the SMS/WhatsApp webhooks.
 *
 * <p>Build it before the dialog engine (the engine needs {@link #notifier()}), then {@link #mount} the webhooks with
 * the engine. A channel that is not configured still has its routes, answering 503, so a misrouted provider sees a
 * clear "not configured" rather than a 404.
 */
public final class TextChannels implements AutoCloseable {

    /** Webhook turns in parallel. Each holds one database connection (its dedupe transaction) and the engine may take
     *  another, so this stays well under half the pool of 16. */
    public static final int WEBHOOK_WORKERS = 4;
    /** How long webhook ids are remembered for deduplication. */
    public static final Duration KEEP_PROCESSED = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(TextChannels.class);
    private static final long PRUNE_EVERY_MS = Duration.ofHours(1).toMillis();
    /** How often the owner alert queue is looked at besides when an alert is queued (aggregates, retries). */
    private static final Duration OWNER_ALERT_PASS_EVERY = Duration.ofSeconds(5);

    private final MessagingConfig config;
    private final Scheduling scheduling;
    private final ExecutorService outboundThreads;
    /** The provider senders, every outcome counted; no opt-out check (replies to inbound texts go this way). */
    private final OutboundMessenger direct;
    private final OptOutStore optOuts;
    private final ProcessedMessages processed;
    private final Inbox inbox;
    private final WebhookSettings webhooks;
    private final InFlight inFlight = new InFlight();
    private final OutboundMessenger outbound;
    private final Notifier notifier;
    /** Present when SMS is configured: sends the queued owner alerts. */
    private final Optional<OwnerAlertWorker> ownerAlerts;
    private final OwnerAlertStore ownerAlertStore;
    private final FollowUpSender followUps;
    private final PhoneVerifier phoneVerifier;
    private Vertx vertx;
    private WorkerExecutor workers;
    private long pruneTimer = -1;
    private long sweepTimer = -1;

    private TextChannels(MessagingConfig config, Scheduling scheduling, RetryPolicy retryPolicy,
                         WebhookSettings webhooks, Metrics metrics, OwnerAlertSettings alertSettings) {
        this(config, scheduling, retryPolicy, webhooks, metrics, alertSettings,
                CodePolicy.forRegion(scheduling.profile().phoneRegion()), Optional.empty());
    }

    private TextChannels(MessagingConfig config, Scheduling scheduling, RetryPolicy retryPolicy,
                         WebhookSettings webhooks, Metrics metrics, OwnerAlertSettings alertSettings,
                         CodePolicy codePolicy, Optional<String> transferNumber) {
        this.config = Objects.requireNonNull(config, "config");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.outboundThreads = Executors.newFixedThreadPool(4, daemonThreads("switchboard-outbound-"));
        List<ChannelSender> senders = new ArrayList<>();
        config.sms().ifPresent(sms -> senders.add(new TwilioSmsSender(sms.smsSettings())));
        config.whatsApp().ifPresent(wa -> senders.add(new WhatsAppCloudSender(wa.cloudSettings())));
        // Ten at once, then one every six seconds: a live conversation never hits it, a reply loop soon does.
        this.direct = new CountingMessenger(new OutboundMessagingService(senders,
                new RecipientRateLimiter(10, Duration.ofSeconds(6)), retryPolicy, outboundThreads),
                new OutboundMetrics(metrics));
        this.optOuts = new OptOutStore(scheduling.database().dsl(), scheduling.clock());
        this.processed = new ProcessedMessages(scheduling.database().dsl(), scheduling.clock());
        this.inbox = new Inbox(scheduling.database().dsl(), scheduling.clock());
        this.outbound = new OptOutAwareMessenger(direct, optOuts, outboundThreads);
        this.ownerAlertStore = new OwnerAlertStore(scheduling.database().dsl(), scheduling.clock());
        if (config.sms().isPresent()) {
            OwnerAlertStore alertStore = ownerAlertStore;
            OwnerAlertWorker worker = new OwnerAlertWorker(new OwnerAlertDispatcher(alertStore, outbound,
                    scheduling.profile().owner().phone(), new OwnerAlertText(scheduling.profile().name(),
                    scheduling.profile().timezone(), TwilioSmsSender.MAX_BODY_CHARS), alertSettings,
                    new OwnerAlertMetrics(metrics), scheduling.clock()), OWNER_ALERT_PASS_EVERY);
            this.ownerAlerts = Optional.of(worker);
            this.notifier = ownerMessages(new SmsNotifier(alertStore, worker, alertSettings, outbound,
                    scheduling.profile()), scheduling, transferNumber);
        } else {
            this.ownerAlerts = Optional.empty();
            this.notifier = ownerMessages(new LoggingNotifier(), scheduling, transferNumber);
        }
        this.followUps = new FollowUpSender(outbound, new ConfirmationText(scheduling.profile()));
        this.phoneVerifier = config.sms().isPresent()
                ? new SmsPhoneVerifier(new OneTimeCodes(scheduling.database().dsl(), scheduling.clock(), codePolicy),
                        outbound, scheduling.profile().name())
                : PhoneVerifier.unavailable();
        LOG.info("text channels: SMS {}, WhatsApp {}", config.sms().isPresent() ? "on" : "off",
                config.whatsApp().isPresent() ? "on" : "off");
        if (config.sms().isPresent() && !config.sms().get().verifySignatures()) {
            LOG.warn("!!! {}=false: Twilio signatures are NOT checked; anyone can post to {}. Development only. !!!",
                    MessagingConfig.TWILIO_VERIFY, TwilioSmsWebhook.PATH);
        }
    }

    /** Hand-offs kept on the owner's call-back list whatever the notifier can do. */
    private static Notifier ownerMessages(Notifier notifier, Scheduling scheduling, Optional<String> transferNumber) {
        return new OwnerMessages(notifier, new MissedCalls(scheduling.database().dsl(), scheduling.clock()),
                new HandOffText(scheduling.profile().name(), scheduling.profile().timezone(),
                        TwilioSmsSender.MAX_BODY_CHARS), transferNumber);
    }

    /**
     * The channels the settings turn on.
     *
     * @param transferNumber the number hand-offs are put through to (live transfer), mentioned in owner texts
     * @param metrics        where outbound messages and provider failures are counted
     */
    public static TextChannels create(TextChannelSettings settings, Optional<String> transferNumber,
                                      Scheduling scheduling, Metrics metrics) {
        return new TextChannels(settings.channels(), scheduling, RetryPolicy.defaults(), settings.webhooks(), metrics,
                settings.ownerAlerts(), settings.codes().policy(scheduling.profile().phoneRegion()), transferNumber);
    }

    public static TextChannels create(MessagingConfig config, Scheduling scheduling) {
        return create(config, scheduling, RetryPolicy.defaults());
    }

    public static TextChannels create(MessagingConfig config, Scheduling scheduling, RetryPolicy retryPolicy) {
        return create(config, scheduling, retryPolicy, WebhookSettings.defaults());
    }

    public static TextChannels create(MessagingConfig config, Scheduling scheduling, RetryPolicy retryPolicy,
                                      Metrics metrics) {
        return new TextChannels(config, scheduling, retryPolicy, WebhookSettings.defaults(), metrics,
                OwnerAlertSettings.defaults());
    }

    public static TextChannels create(MessagingConfig config, Scheduling scheduling, RetryPolicy retryPolicy,
                                      WebhookSettings webhooks) {
        return new TextChannels(config, scheduling, retryPolicy, webhooks, Metrics.disabled(),
                OwnerAlertSettings.defaults());
    }

    /** Texts the owner about emergencies when SMS is configured; logs a warning otherwise. */
    public Notifier notifier() {
        return notifier;
    }

    /** The owner alert worker, when SMS is configured (tests run its dispatcher's passes directly). */
    public Optional<OwnerAlertWorker> ownerAlerts() {
        return ownerAlerts;
    }

    /**
     * Proves numbers by one-time codes texted to them when SMS is configured ({@code SWITCHBOARD_SMS_COUNTRIES},
     * {@code SWITCHBOARD_CODE_DAILY_CAP}); {@link PhoneVerifier#unavailable()} otherwise, so nothing promises a code.
     */
    public PhoneVerifier phoneVerifier() {
        return phoneVerifier;
    }

    /** SMS confirmations after voice bookings, moves and cancellations. */
    public FollowUpSender followUps() {
        return followUps;
    }

    /** For messages the business starts: skips opted-out numbers. Never blocks. */
    public OutboundMessenger outbound() {
        return outbound;
    }

    public boolean smsEnabled() {
        return config.sms().isPresent();
    }

    public boolean whatsAppEnabled() {
        return config.whatsApp().isPresent();
    }

    /**
     * Mounts {@code POST /twilio/sms} and {@code GET|POST /whatsapp/webhook} on {@code router}. Once only.
     *
     * @param vertx  provides the worker threads for webhook turns and the hourly pruning of old webhook ids
     * @param engine answers the texts; the same engine the voice path uses
     */
    public synchronized void mount(Router router, Vertx vertx, DialogEngine engine) {
        mount(router, vertx, engine, InboundLimits.inMemory(scheduling.clock()));
    }

    /**
     * As {@link #mount(Router, Vertx, DialogEngine)}, counting inbound texts per sender against {@code limits}
     * (shared by every instance when the limits are).
     */
    public synchronized void mount(Router router, Vertx vertx, DialogEngine engine, InboundLimits limits) {
        if (this.vertx != null) {
            throw new IllegalStateException("text channels are already mounted");
        }
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.workers = vertx.createSharedWorkerExecutor("switchboard-messaging", WEBHOOK_WORKERS);
        InboundTextHandler handler = new InboundTextHandler(engine, processed, optOuts,
                new TextReplies(scheduling.profile(), businessNumber()), limits);
        // Replies to inbound messages go straight to the provider: the handler has already dealt with opt-outs.
        InboxCompletion completion = new InboxCompletion(handler, inbox, direct);
        Optional<InboundSpool> spool = Optional.ofNullable(webhooks.spoolDir()).map(InboundSpool::new);
        InboundPipeline pipeline = new InboundPipeline(inbox, handler, completion, workers, inFlight,
                webhooks.answerWithin(), spool);
        config.sms().ifPresentOrElse(sms -> {
            TwilioSignatureVerifier verifier = sms.verifySignatures()
                    ? new TwilioSignatureVerifier(sms.authToken(), sms.publicBaseUrl())
                    : null;
            new TwilioSmsWebhook(verifier, pipeline, scheduling.phones()).mount(router);
        }, () -> router.post(TwilioSmsWebhook.PATH).handler(ctx -> notConfigured(ctx, "SMS")));
        config.whatsApp().ifPresentOrElse(wa -> new WhatsAppWebhook(
                        new WhatsAppSubscriptionVerifier(wa.verifyToken()), new WhatsAppSignatureVerifier(wa.appSecret()),
                        wa.phoneNumberId(), pipeline).mount(router),
                () -> router.route(WhatsAppWebhook.PATH).handler(ctx -> notConfigured(ctx, "WhatsApp")));
        Set<Channel> replyable = EnumSet.noneOf(Channel.class);
        config.sms().ifPresent(sms -> replyable.add(Channel.SMS));
        config.whatsApp().ifPresent(wa -> replyable.add(Channel.WHATSAPP));
        InboxRecovery recovery = new InboxRecovery(inbox, completion, webhooks.recoveryIdle(), replyable);
        spool.ifPresent(s -> replay(s, completion));
        sweep(recovery);
        sweepTimer = vertx.setPeriodic(webhooks.sweepEvery().toMillis(), id -> sweep(recovery));
        pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MS, id -> workers.executeBlocking(
                () -> processed.pruneOlderThan(scheduling.clock().instant().minus(KEEP_PROCESSED))
                        + inbox.pruneOlderThan(scheduling.clock().instant().minus(KEEP_PROCESSED))
                        + ownerAlertStore.pruneOlderThan(scheduling.clock().instant().minus(KEEP_PROCESSED)), false)
                .onSuccess(n -> LOG.debug("pruned {} old webhook ids and owner alerts", n))
                .onFailure(e -> LOG.warn("pruning old webhook ids failed: {}", e.getClass().getName())));
    }

    /**
     * Finishes stored messages whose webhook never did (a crash, a failed database). On start-up and periodically;
     * messages of a channel that is not configured here wait for a server where it is.
     */
    private void sweep(InboxRecovery recovery) {
        inFlight.begin();
        workers.executeBlocking(recovery::sweep, false)
                .onComplete(ar -> {
                    inFlight.end();
                    if (ar.succeeded() && ar.result() > 0) {
                        LOG.info("recovered {} stored inbound messages", ar.result());
                    } else if (ar.failed()) {
                        LOG.warn("inbound recovery sweep failed: {}", ar.cause().getClass().getName());
                    }
                });
    }

    /** Moves what a previous run left in the local spool into the inbox, and answers it. */
    private void replay(InboundSpool spool, InboxCompletion completion) {
        inFlight.begin();
        workers.executeBlocking(() -> {
            int n = 0;
            for (InboundText m : spool.pending()) {
                boolean fresh = inbox.accept(m);
                spool.remove(m);
                if (fresh) {
                    n++;
                    try {
                        completion.complete(m);
                    } catch (RuntimeException e) {
                        // Stored now: the recovery sweep retries it.
                        LOG.warn("spooled {} message {} stored but not answered: {}", m.channel().wireName(),
                                m.messageId(), e.getClass().getName());
                    }
                }
            }
            return n;
        }, false).onComplete(ar -> {
            inFlight.end();
            if (ar.succeeded() && ar.result() > 0) {
                LOG.info("answered {} inbound messages left in the local spool by the previous run", ar.result());
            } else if (ar.failed()) {
                LOG.warn("replaying the inbound spool failed: {}", ar.cause().getClass().getName());
            }
        });
    }

    /**
     * Waits, up to {@code timeout}, for webhook work in progress and for the replies and alerts it queued to be
     * handed to the providers. For an orderly shutdown, after new webhooks are refused.
     *
     * @return true if everything finished in time
     */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean idle = inFlight.awaitIdle(timeout);
            synchronized (this) {
                if (vertx != null) {
                    vertx.cancelTimer(sweepTimer);
                }
            }
            ownerAlerts.ifPresent(w -> w.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
            outboundThreads.shutdown();
            long left = Math.max(0, deadline - System.nanoTime());
            return outboundThreads.awaitTermination(left, TimeUnit.NANOSECONDS) && idle;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the timers and the webhook and outbound threads; sends still queued are abandoned. */
    @Override
    public synchronized void close() {
        if (vertx != null) {
            vertx.cancelTimer(pruneTimer);
            vertx.cancelTimer(sweepTimer);
            workers.close();
        }
        ownerAlerts.ifPresent(OwnerAlertWorker::close);
        outboundThreads.shutdown();
        try {
            if (!outboundThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                outboundThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            outboundThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The Twilio number texts come from, when it is a phone number (not a messaging service). */
    private java.util.Optional<String> businessNumber() {
        return config.sms().map(TwilioChannelConfig::from).flatMap(scheduling.phones()::toE164);
    }

    private static void notConfigured(RoutingContext ctx, String channel) {
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                .end(channel + " is not configured on this server");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
