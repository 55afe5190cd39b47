package io.switchboard.telephony.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main routes of the JSON API and the dashboard never run a database statement on a Vert.x event loop: every
 * statement the scheduling core's database runs is checked for the thread it runs on, and Vert.x's own
 * blocked-thread checker runs every 10 ms with a 200 ms budget for one event-loop task, its warnings captured.
 */
class EventLoopStaysFreeTest {

    private static final String CHECKER = "io.vertx.core.impl.btc.BlockedThreadChecker";

    private final List<String> onEventLoop = new CopyOnWriteArrayList<>();
    private final AtomicInteger statements = new AtomicInteger();
    private final ListAppender<ILoggingEvent> blocked = new ListAppender<>();
    private final ApiTestServer server;

    EventLoopStaysFreeTest() {
        blocked.start();
        ((Logger) LoggerFactory.getLogger(CHECKER)).addAppender(blocked);
        server = new ApiTestServer(db -> db.observedBy(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
                if (Context.isOnEventLoopThread()) {
                    onEventLoop.add(Thread.currentThread().getName() + ": " + ctx.sql());
                }
            }
        }), new VertxOptions().setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    }

    @AfterEach
    void close() {
        server.close();
        ((Logger) LoggerFactory.getLogger(CHECKER)).detachAppender(blocked);
    }

    @Test
    void theMainRoutesRunTheirStatementsOnWorkers() {
        // Past any refresh interval: a profile that looked at the database when read would do it now.
        server.fixture.clock().advance(Duration.ofMinutes(1));
        HttpResponse<String> signedIn = server.send(server.request(AdminSessionApi.PATH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("token", ApiTestServer.ADMIN_TOKEN).encode())));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        List<HttpResponse<String>> answers = List.of(
                server.send(server.request(AdminSessionApi.PATH).header("Cookie", cookie).GET()),
                server.get("/health/ready"),
                server.get(BusinessSettingsApi.PATH + "/settings"),
                server.send(server.request(BusinessSettingsApi.PATH + "/blackouts")
                        .header("Authorization", "Bearer " + ApiTestServer.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"blackout_dates\": [\"2026-12-24\"]}"))),
                server.get(AppointmentsApi.PATH + "?date=2026-11-24"),
                server.get(OwnerAttentionApi.ALERTS),
                server.get(OwnerAttentionApi.METRICS),
                server.get(OwnerAttentionApi.PUSHES),
                server.postJson(ChatApi.PATH, chat("trusted", "+447700900123")),
                server.postPublic(ChatApi.PATH, chat("visitor", null)));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200));
        assertThat(statements).as("the listener sees the routes' statements").hasPositiveValue();
        assertThat(onEventLoop).as("statements run on an event loop").isEmpty();
        assertThat(blocked.list).as("Vert.x blocked-thread warnings").isEmpty();
    }

    private static String chat(String session, String from) {
        JsonObject json = new JsonObject().put("session_id", session).put("channel", "web").put("text", "hello");
        if (from != null) {
            json.put("from", from);
        }
        return json.encode();
    }
}
