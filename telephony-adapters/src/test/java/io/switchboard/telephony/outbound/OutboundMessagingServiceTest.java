package io.switchboard.telephony.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.models.Channel;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OutboundMessagingServiceTest {

    static final String CUSTOMER = "+447700900123";
    static final String SECRET_TEXT = "Your PIN is 4321 and the door code is 9876";
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(2), 2.0);

    private LoopbackHttpServer twilio;
    private LoopbackHttpServer graph;
    private ExecutorService executor;
    private final AtomicLong ticker = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private OutboundMessagingService service;

    @BeforeEach
    void start() throws Exception {
        twilio = new LoopbackHttpServer(new LoopbackHttpServer.Reply(201, "application/json", TwilioSmsSenderTest.CREATED));
        graph = new LoopbackHttpServer(new LoopbackHttpServer.Reply(200, "application/json", WhatsAppCloudSenderTest.ACCEPTED));
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbound-test"));
        service = service(twilio.baseUrl(), new RecipientRateLimiter(2, Duration.ofMinutes(1), ticker::get, 1000));
        logs.start();
        ((Logger) LoggerFactory.getLogger(OutboundMessagingService.class)).addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(OutboundMessagingService.class)).detachAppender(logs);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        twilio.close();
        graph.close();
    }

    private OutboundMessagingService service(URI twilioBase, RecipientRateLimiter limiter) {
        return new OutboundMessagingService(
                List.of(TwilioSmsSenderTest.sender(twilioBase, "+441174960000"),
                        WhatsAppCloudSenderTest.sender(graph.baseUrl())),
                limiter, RETRY, executor, sleeps::add);
    }

    private SendResult send(Channel channel, String to, String text) throws Exception {
        return service.send(channel, to, text).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsSmsAndWhatsAppThroughTheirProviders() throws Exception {
        SendResult sms = send(Channel.SMS, CUSTOMER, "Booked for Tuesday 14:00");
        SendResult wa = send(Channel.WHATSAPP, "+447700900456", "Booked for Wednesday 09:00");

        assertThat(sms).isEqualTo(SendResult.sent("SM1f0e8ae6ade43cb3c0ce4525424e404f", 1));
        assertThat(wa.isSent()).isTrue();
        assertThat(wa.providerMessageId()).startsWith("wamid.");
        assertThat(twilio.requests()).hasSize(1);
        assertThat(graph.requests()).hasSize(1);
    }

    @Test
    void retriesAfterA503WithBackoff() throws Exception {
        twilio.enqueue(503, "text/html", "<h1>Service Unavailable</h1>");

        SendResult result = send(Channel.SMS, CUSTOMER, "hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.SENT);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(twilio.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void whatsAppThrottlingIsRetriedToo() throws Exception {
        graph.enqueue(429, "application/json", "{\"error\":{\"code\":130429}}");
        graph.enqueue(502, "text/plain", "bad gateway");

        SendResult result = send(Channel.WHATSAPP, CUSTOMER, "hello");

        assertThat(result.isSent()).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void doesNotRetryAfterA400() throws Exception {
        twilio.enqueue(400, "application/json", TwilioSmsSenderTest.BAD_NUMBER);

        SendResult result = send(Channel.SMS, CUSTOMER, "hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.detail()).contains("400").doesNotContain("900123");
        assertThat(twilio.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttemptWhenTheProviderStaysDown() throws Exception {
        for (int i = 0; i < 5; i++) {
            twilio.enqueue(503, "text/plain", "down");
        }

        SendResult result = send(Channel.SMS, CUSTOMER, "hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(twilio.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        service = service(URI.create("http://127.0.0.1:" + closedPort),
                new RecipientRateLimiter(2, Duration.ofMinutes(1), ticker::get, 1000));

        SendResult result = send(Channel.SMS, CUSTOMER, "hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void rateLimitsPerRecipientWithoutCallingTheProvider() throws Exception {
        assertThat(send(Channel.SMS, CUSTOMER, "one").isSent()).isTrue();
        assertThat(send(Channel.SMS, CUSTOMER, "two").isSent()).isTrue();

        SendResult third = send(Channel.SMS, CUSTOMER, "three");
        assertThat(third.outcome()).isEqualTo(SendOutcome.RATE_LIMITED);
        assertThat(third.attempts()).isZero();
        assertThat(twilio.requests()).hasSize(2);

        assertThat(send(Channel.SMS, "+447700900999", "other person").isSent()).isTrue();
        assertThat(send(Channel.WHATSAPP, CUSTOMER, "other channel").isSent()).isTrue();

        ticker.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(send(Channel.SMS, CUSTOMER, "four").isSent()).isTrue();
        assertThat(twilio.requests()).hasSize(4);
    }

    @Test
    void refusesBadRequestsUpFront() throws Exception {
        assertThat(send(Channel.SMS, "07700900123", "hi").outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(send(Channel.SMS, "+44 7700 900123", "hi").outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(send(Channel.SMS, null, "hi").outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(send(Channel.SMS, CUSTOMER, "  ").outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(send(Channel.SMS, CUSTOMER, "x".repeat(1601)).outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(send(Channel.VOICE, CUSTOMER, "hi").detail()).contains("no sender configured for VOICE");
        assertThat(twilio.requests()).isEmpty();
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void providerCallsRunOnTheExecutorNotTheCaller() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        ChannelSender recording = new ChannelSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public int maxTextLength() {
                return 100;
            }

            @Override
            public String send(String toE164, String text) {
                threads.add(Thread.currentThread().getName());
                return "SM1";
            }
        };
        OutboundMessagingService onExecutor = new OutboundMessagingService(List.of(recording),
                new RecipientRateLimiter(5, Duration.ofSeconds(1)), RETRY, executor, sleeps::add);

        onExecutor.send(Channel.SMS, CUSTOMER, "hi").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(threads).containsExactly("outbound-test");
    }

    @Test
    void logsNeverContainTheFullNumberOrTheText() throws Exception {
        twilio.enqueue(503, "text/plain", "down");
        send(Channel.SMS, CUSTOMER, SECRET_TEXT);
        twilio.enqueue(400, "application/json", TwilioSmsSenderTest.BAD_NUMBER);
        send(Channel.SMS, CUSTOMER, SECRET_TEXT);
        send(Channel.SMS, CUSTOMER, SECRET_TEXT); // rate limited
        send(Channel.WHATSAPP, "not-a-number-447700900123", SECRET_TEXT);

        assertThat(logs.list).hasSizeGreaterThanOrEqualTo(4);
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage();
            assertThat(line).doesNotContain("7700900").doesNotContain("PIN").doesNotContain("4321");
            assertThat(event.getThrowableProxy()).isNull();
        }
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("***123"));
    }
}
