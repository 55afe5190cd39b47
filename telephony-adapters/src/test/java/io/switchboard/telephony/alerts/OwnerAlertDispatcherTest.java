package io.switchboard.telephony.alerts;

import static io.switchboard.telephony.alerts.AlertRig.OWNER;
import static io.switchboard.telephony.alerts.AlertRig.SETTINGS;
import static io.switchboard.telephony.metrics.OwnerAlertMetrics.Result.AGGREGATED;
import static io.switchboard.telephony.metrics.OwnerAlertMetrics.Result.DEFERRED;
import static io.switchboard.telephony.metrics.OwnerAlertMetrics.Result.EXPIRED;
import static io.switchboard.telephony.metrics.OwnerAlertMetrics.Result.FAILED;
import static io.switchboard.telephony.metrics.OwnerAlertMetrics.Result.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.models.Channel;
import io.switchboard.telephony.alerts.OwnerAlertDispatcher.Pass;
import io.switchboard.telephony.outbound.OutboundMessagingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** The owner alert queue against a loopback Twilio API, on an injected clock. */
class OwnerAlertDispatcherTest {

    @Test
    void theFirstAlertGoesAtOnceAndThoseInTheNextMinutesGoTogether() {
        try (AlertRig rig = new AlertRig()) {
            OwnerAlertDispatcher d = rig.dispatcher();
            rig.raise("+447700900111", "burst pipe in the loft");
            assertThat(d.dispatch()).isEqualTo(Pass.SENT);
            assertThat(rig.ownerTexts()).singleElement().satisfies(t -> assertThat(t)
                    .startsWith("EMERGENCY - Bristol Plumbing").contains("+447700900111")
                    .contains("\"burst pipe in the loft\""));

            rig.advance(Duration.ofSeconds(20));
            rig.raise("+447700900222", "flooding");
            rig.advance(Duration.ofSeconds(40));
            rig.raise("+447700900333", "no water");
            assertThat(d.dispatch()).as("within the gap").isEqualTo(Pass.WAITING);
            assertThat(rig.ownerTexts()).hasSize(1);

            rig.advance(SETTINGS.minGap().minusSeconds(60));
            assertThat(d.dispatch()).isEqualTo(Pass.SENT);
            assertThat(rig.ownerTexts()).hasSize(2);
            assertThat(rig.ownerTexts().get(1)).contains("2 emergencies in the last 2 min")
                    .contains("1. +447700900222").contains("2. +447700900333");
            assertThat(rig.rows("sent")).isEqualTo(3);
            assertThat(rig.count(SENT)).isEqualTo(1);
            assertThat(rig.count(AGGREGATED)).isEqualTo(2);
            assertThat(d.dispatch()).isEqualTo(Pass.IDLE);
        }
    }

    @Test
    void aFailingProviderIsRetriedWithBackOffUntilTheAlertIsDelivered() {
        try (AlertRig rig = new AlertRig()) {
            OwnerAlertDispatcher d = rig.dispatcher();
            rig.provider.failNext(2, 503);
            rig.raise("+447700900111", "burst pipe");

            assertThat(d.dispatch()).isEqualTo(Pass.FAILED);
            assertThat(rig.count(FAILED)).isEqualTo(1);
            rig.advance(SETTINGS.firstRetry().minusSeconds(1));
            assertThat(d.dispatch()).as("not before the back-off").isEqualTo(Pass.IDLE);
            rig.advance(Duration.ofSeconds(1));
            assertThat(d.dispatch()).isEqualTo(Pass.FAILED);
            // The second failure doubles the wait.
            rig.advance(SETTINGS.firstRetry());
            assertThat(d.dispatch()).isEqualTo(Pass.IDLE);
            rig.advance(SETTINGS.firstRetry());
            assertThat(d.dispatch()).isEqualTo(Pass.SENT);

            assertThat(rig.provider.refusedCount()).isEqualTo(2);
            assertThat(rig.ownerTexts()).singleElement().satisfies(t -> assertThat(t).contains("+447700900111"));
            assertThat(rig.count(FAILED)).isEqualTo(2);
            assertThat(rig.count(SENT)).isEqualTo(1);
            assertThat(rig.fx.count("select attempts from owner_alert")).isEqualTo(2);
        }
    }

    @Test
    void anAlertRefusedByTheOwnersRateLimitIsDeferredIntoTheNextAggregate() {
        try (AlertRig rig = new AlertRig()) {
            OutboundMessagingService messenger = rig.messenger();
            OwnerAlertDispatcher d = rig.dispatcher(messenger);
            // Something else used up the owner's allowance (ten at once).
            for (int i = 0; i < 10; i++) {
                messenger.send(Channel.SMS, OWNER, "other text " + i).toCompletableFuture().join();
            }
            rig.raise("+447700900111", "burst pipe");
            assertThat(d.dispatch()).isEqualTo(Pass.DEFERRED);
            assertThat(rig.count(DEFERRED)).isEqualTo(1);
            assertThat(rig.rows("pending")).isEqualTo(1);

            rig.raise("+447700900222", "flooding");
            rig.advance(SETTINGS.minGap());
            assertThat(d.dispatch()).isEqualTo(Pass.SENT);
            List<String> alerts = rig.ownerTexts().stream().filter(t -> t.startsWith("EMERGENCY")).toList();
            assertThat(alerts).singleElement().satisfies(t -> assertThat(t).contains("2 emergencies")
                    .contains("+447700900111").contains("+447700900222"));
            assertThat(rig.count(AGGREGATED)).isEqualTo(2);
            assertThat(rig.rows("pending")).isZero();
        }
    }

    @Test
    void oneAlertPerConversation() {
        try (AlertRig rig = new AlertRig()) {
            assertThat(rig.raise("+447700900111", "burst pipe")).isTrue();
            assertThat(rig.raise("+447700900111", "burst pipe, still")).isFalse();
            assertThat(rig.store.enqueue(rig.alert(Channel.VOICE, "+447700900111", "burst pipe", "voice:CA1"),
                    SETTINGS.oneAlertPer())).as("another conversation").isTrue();
            rig.advance(SETTINGS.oneAlertPer());
            assertThat(rig.raise("+447700900111", "burst pipe again, next day")).isTrue();
            assertThat(rig.rows("pending")).isEqualTo(3);
        }
    }

    @Test
    void anAlertUndeliverableForADayIsExpiredLoudlyNotKeptForever() {
        try (AlertRig rig = new AlertRig()) {
            OwnerAlertDispatcher d = rig.dispatcher();
            rig.provider.failNext(1_000, 500);
            rig.raise("+447700900111", "burst pipe");
            assertThat(d.dispatch()).isEqualTo(Pass.FAILED);
            rig.advance(SETTINGS.giveUpAfter().plusSeconds(1));
            assertThat(d.dispatch()).isEqualTo(Pass.IDLE);
            assertThat(rig.rows("expired")).isEqualTo(1);
            assertThat(rig.count(EXPIRED)).isEqualTo(1);
        }
    }

    @Test
    void deliveredAlertsArePrunedAfterAWeekPendingOnesNever() {
        try (AlertRig rig = new AlertRig()) {
            OwnerAlertDispatcher d = rig.dispatcher();
            rig.raise("+447700900111", "burst pipe");
            d.dispatch();
            rig.provider.failNext(1_000, 500);
            rig.raise("+447700900222", "flooding");
            rig.advance(Duration.ofDays(8));
            assertThat(rig.store.pruneOlderThan(rig.fx.clock().instant().minus(Duration.ofDays(7))))
                    .isEqualTo(1);
            assertThat(rig.rows("sent")).isZero();
            assertThat(rig.rows("pending")).isEqualTo(1);
        }
    }

    @Test
    void twoWorkersOnOneDatabaseDeliverEachAlertExactlyOnce() throws Exception {
        try (AlertRig rig = new AlertRig()) {
            // Two instances: each its own outbound service and dispatcher, one database, one provider.
            OwnerAlertDispatcher a = rig.dispatcher();
            OwnerAlertDispatcher b = rig.dispatcher();
            List<String> callers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String phone = "+4477009%05d".formatted(i);
                callers.add(phone);
                rig.raise(phone, "burst pipe " + i);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            for (int round = 0; round < 30 && rig.rows("pending") > 0; round++) {
                CompletableFuture<Pass> pa = CompletableFuture.supplyAsync(() -> race(start, a));
                CompletableFuture<Pass> pb = CompletableFuture.supplyAsync(() -> race(start, b));
                List<Pass> passes = List.of(pa.get(), pb.get());
                assertThat(passes).as("round %d: at most one text", round).containsOnlyOnce(Pass.SENT);
                if (round == 2) {
                    rig.raise("+447700800001", "late arrival"); // alerts keep arriving while they work
                    callers.add("+447700800001");
                }
                rig.advance(SETTINGS.minGap());
            }
            assertThat(rig.rows("pending")).isZero();
            List<String> texts = rig.ownerTexts();
            for (String caller : callers) {
                assertThat(texts.stream().filter(t -> t.contains(caller + " ") || t.contains(caller + ",")).count())
                        .as("texts naming %s", caller).isEqualTo(1);
            }
            assertThat(rig.count(SENT) + rig.count(AGGREGATED)).isEqualTo(callers.size());
        }
    }

    private static Pass race(CyclicBarrier start, OwnerAlertDispatcher d) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return d.dispatch();
    }
}
