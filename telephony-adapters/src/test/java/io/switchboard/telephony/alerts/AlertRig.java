package io.switchboard.telephony.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.dialog.EmergencyAlert;
import io.switchboard.dialog.metrics.Metrics;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.SchedulingFixture;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.messaging.ProviderStub;
import io.switchboard.telephony.metrics.OwnerAlertMetrics;
import io.switchboard.telephony.outbound.OutboundMessagingService;
import io.switchboard.telephony.outbound.RecipientRateLimiter;
import io.switchboard.telephony.outbound.RetryPolicy;
import io.switchboard.telephony.outbound.TwilioSmsSender;
import io.switchboard.telephony.outbound.TwilioSmsSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The owner alert queue over an embedded PostgreSQL schema, sending through the real outbound service and Twilio
 * client to a loopback {@link ProviderStub}. The owner's rate limiter runs on the fixture's clock, so time moves only
 * when a test moves it.
 */
final class AlertRig implements AutoCloseable {

    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 23, 9, 0);
    static final String OWNER = "+447700900999";
    static final OwnerAlertSettings SETTINGS = OwnerAlertSettings.defaults();

    final SchedulingFixture fx;
    final ProviderStub provider = new ProviderStub();
    final OwnerAlertStore store;
    final OwnerAlertMetrics metrics = new OwnerAlertMetrics(new Metrics(new SimpleMeterRegistry()));
    private final ExecutorService outboundThreads = Executors.newFixedThreadPool(2);
    private final boolean ownsFixture;

    AlertRig() {
        this(new SchedulingFixture(TestProfiles.sample(), MONDAY_9AM), true);
    }

    private AlertRig(SchedulingFixture fx, boolean ownsFixture) {
        this.fx = fx;
        this.ownsFixture = ownsFixture;
        this.store = new OwnerAlertStore(fx.database().dsl(), fx.clock());
    }

    /** The production allowance: ten texts at once, then one every six seconds (of the fixture's clock). */
    OutboundMessagingService messenger() {
        return new OutboundMessagingService(List.of(new TwilioSmsSender(new TwilioSmsSettings(
                "AC0123456789abcdef0123456789abcdef", "12345678901234567890123456789012", "+441174960000",
                provider.baseUrl(), Duration.ofSeconds(5)))),
                new RecipientRateLimiter(10, Duration.ofSeconds(6), () -> fx.clock().millis() * 1_000_000L, 1_000),
                RetryPolicy.noRetries(), outboundThreads);
    }

    OwnerAlertDispatcher dispatcher() {
        return dispatcher(messenger());
    }

    OwnerAlertDispatcher dispatcher(OutboundMessagingService messenger) {
        return new OwnerAlertDispatcher(store, messenger, OWNER,
                new OwnerAlertText("Bristol Plumbing", fx.scheduling().profile().timezone(),
                        TwilioSmsSender.MAX_BODY_CHARS), SETTINGS, metrics, fx.clock());
    }

    /** A signed-SMS emergency from {@code phone} with the caller's own words. */
    boolean raise(String phone, String problem) {
        return store.enqueue(alert(Channel.SMS, phone, problem, "sms:" + phone), SETTINGS.oneAlertPer());
    }

    EmergencyAlert alert(Channel channel, String phone, String problem, String key) {
        return new EmergencyAlert(phone, "", "", problem, channel, fx.clock().instant().atZone(
                fx.scheduling().profile().timezone()), key);
    }

    List<String> ownerTexts() {
        return provider.sentTo("twilio", OWNER).stream().map(ProviderStub.Sent::text).toList();
    }

    int rows(String status) {
        return fx.count("select count(*) from owner_alert where status = '" + status + "'");
    }

    double count(OwnerAlertMetrics.Result result) {
        return metrics.count(result);
    }

    void advance(Duration d) {
        fx.clock().advance(d);
    }

    @Override
    public void close() {
        outboundThreads.shutdownNow();
        provider.close();
        if (ownsFixture) {
            fx.close();
        }
    }
}
