package io.switchboard.telephony.messaging;

import static io.switchboard.telephony.messaging.TextChannelsHarness.CALLER;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.testing.TestProfiles;
import io.switchboard.telephony.messaging.TextChannelsHarness.Reply;
import io.switchboard.telephony.outbound.SendOutcome;
import io.switchboard.telephony.outbound.SendResult;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /twilio/sms} end to end: signed webhooks in, TwiML out, the real engine and database behind. */
class TwilioSmsWebhookTest {

    private static final String OWNER = TestProfiles.sample().owner().phone();

    private final TextChannelsHarness sb = new TextChannelsHarness();

    @AfterEach
    void close() {
        sb.close();
    }

    @Test
    void theTestSignatureIsTheOneTwilioJavaAccepts() {
        Map<String, String> params = TextChannelsHarness.smsParams("SM1", CALLER, "Hi 🚰", 0);
        String url = TextChannelsHarness.PUBLIC_URL + TwilioSmsWebhook.PATH;
        assertThat(new RequestValidator(TextChannelsHarness.AUTH_TOKEN)
                .validate(url, params, TextChannelsHarness.sign(TextChannelsHarness.AUTH_TOKEN, url, params))).isTrue();
    }

    @Test
    void aFullBookingConversationBySmsEndsInAStoredAppointment() {
        Reply first = sb.sms("Hi, my kitchen sink is blocked, can you do a drain cleaning tmrw at 10am?");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/xml");
        sb.sms("Jane Doe");
        sb.sms("yes");
        Reply confirm = sb.sms("12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).contains("Book it?"));
        assertThat(booked()).as("nothing before the yes").isEmpty();
        Reply done = sb.sms("yes please");

        assertThat(done.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).startsWith("Booked"));
        assertThat(booked()).as(sb.transcript()).singleElement().satisfies(a -> {
            assertThat(a.serviceId()).isEqualTo("drain-cleaning");
            assertThat(a.slot().start()).isEqualTo(sb.fx.at(LocalDateTime.of(2026, 11, 24, 10, 0)));
            assertThat(a.customer().name()).isEqualTo("Jane Doe");
            assertThat(a.customer().phone()).isEqualTo(CALLER);
            assertThat(a.address()).containsIgnoringCase("12 Park Street");
            assertThat(a.channel()).isEqualTo(Channel.SMS);
        });
        assertThat(sb.count("select count(*) from processed_message where provider = 'twilio'")).isEqualTo(5);
    }

    @Test
    void forgedOrMissingSignaturesAre403AndNothingIsStoredOrAnswered() {
        Map<String, String> params = TextChannelsHarness.smsParams(sb.nextSid(), CALLER, "cancel my booking", 0);
        String url = TextChannelsHarness.PUBLIC_URL + TwilioSmsWebhook.PATH;
        String forged = TextChannelsHarness.sign("00000000000000000000000000000000", url, params);
        String otherUrl = TextChannelsHarness.sign(TextChannelsHarness.AUTH_TOKEN, "https://evil.example/twilio/sms",
                params);
        String genuine = TextChannelsHarness.sign(TextChannelsHarness.AUTH_TOKEN, url, params);
        Map<String, String> tampered = new java.util.HashMap<>(params);
        tampered.put("From", "+447700900999");

        assertThat(sb.postForm(TwilioSmsWebhook.PATH, params, forged).status()).isEqualTo(403);
        assertThat(sb.postForm(TwilioSmsWebhook.PATH, params, otherUrl).status()).isEqualTo(403);
        assertThat(sb.postForm(TwilioSmsWebhook.PATH, params, null).status()).isEqualTo(403);
        assertThat(sb.postForm(TwilioSmsWebhook.PATH, tampered, genuine).status()).isEqualTo(403);
        assertThat(sb.postForm(TwilioSmsWebhook.PATH, params, "").status()).isEqualTo(403);

        assertThat(sb.count("select count(*) from processed_message")).isZero();
        assertThat(sb.postForm(TwilioSmsWebhook.PATH, params, genuine).status()).as("the genuine one still works")
                .isEqualTo(200);
        assertThat(sb.count("select count(*) from processed_message")).isEqualTo(1);
    }

    @Test
    void aRetriedWebhookChangesTheDatabaseOnceAndGetsTheSameReply() {
        bookUpToConfirmation();
        String sid = sb.nextSid();

        Reply first = sb.sms(sid, CALLER, "yes please");
        Reply retry = sb.sms(sid, CALLER, "yes please");

        assertThat(first.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).startsWith("Booked"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(booked()).hasSize(1);
        assertThat(sb.count("select count(*) from audit_log")).as("one booking, audited once").isEqualTo(1);
        assertThat(sb.count("select count(*) from processed_message where message_id = '" + sid + "'")).isEqualTo(1);
    }

    @Test
    void concurrentDuplicateDeliveriesRunTheConversationOnceAndAllGetTheSameReply() throws Exception {
        bookUpToConfirmation();
        Map<String, String> params = TextChannelsHarness.smsParams(sb.nextSid(), CALLER, "yes please", 0);

        List<CompletableFuture<Reply>> deliveries = IntStream.range(0, 4)
                .mapToObj(i -> sb.postSignedAsync(params)).toList();
        CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<Reply> replies = deliveries.stream().map(CompletableFuture::join).toList();
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
        assertThat(replies.get(0).message()).hasValueSatisfying(t -> assertThat(t).startsWith("Booked"));
        assertThat(booked()).hasSize(1);
        assertThat(sb.count("select count(*) from audit_log")).isEqualTo(1);
    }

    @Test
    void theDedupeSurvivesARestart() {
        bookUpToConfirmation();
        String sid = sb.nextSid();
        Reply before = sb.sms(sid, CALLER, "yes please");
        sb.channels.close();

        // A new server over the same database; its engine has no memory of the conversation.
        try (TextChannelsHarness restarted = TextChannelsHarness.over(sb.fx)) {
            Reply after = restarted.sms(sid, CALLER, "yes please");

            assertThat(after.body()).isEqualTo(before.body());
            assertThat(after.message()).hasValueSatisfying(t -> assertThat(t).startsWith("Booked"));
            assertThat(booked()).hasSize(1);
            assertThat(restarted.count("select count(*) from processed_message where message_id = '" + sid + "'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void stopOptsOutUntilStart() throws Exception {
        assertThat(sb.sms("Hi there").message()).isPresent();

        Reply stop = sb.sms("Stop");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.message()).as("the carrier confirms the opt-out, not us").isEmpty();
        assertThat(sb.count("select count(*) from messaging_opt_out where phone = '" + CALLER + "' and channel = 'SMS'"))
                .isEqualTo(1);
        assertThat(sb.sms("can you do a drain cleaning tomorrow?").message()).as("opted out: silence").isEmpty();
        SendResult blocked = sb.channels.outbound().send(Channel.SMS, CALLER, "Reminder: plumber tomorrow")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(blocked.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(blocked.detail()).isEqualTo(OptOutAwareMessenger.OPTED_OUT);
        assertThat(sb.provider.sent()).isEmpty();

        Reply start = sb.sms("START");
        assertThat(start.message()).hasValueSatisfying(t -> assertThat(t).contains("subscribed"));
        assertThat(sb.count("select count(*) from messaging_opt_out")).isZero();
        assertThat(sb.sms("Hi there").message()).isPresent();
        SendResult sent = sb.channels.outbound().send(Channel.SMS, CALLER, "Reminder: plumber tomorrow")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(sent.isSent()).isTrue();
        assertThat(sb.provider.sentTo("twilio", CALLER)).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("Reminder: plumber tomorrow"));
    }

    @Test
    void aBareYesResubscribesOnlyAnOptedOutNumber() {
        sb.sms("STOP");
        assertThat(sb.sms("yes").message()).hasValueSatisfying(t -> assertThat(t).contains("subscribed"));
        assertThat(sb.sms("yes").message()).as("now it is the dialog's yes")
                .hasValueSatisfying(t -> assertThat(t).doesNotContain("subscribed"));
    }

    @Test
    void aBareCancelIsTheDialogsCancelNotAnOptOut() {
        Reply r = sb.sms("cancel");
        assertThat(r.message()).isPresent();
        assertThat(sb.count("select count(*) from messaging_opt_out")).isZero();
    }

    @Test
    void helpNamesTheBusinessAndHowToReachAPerson() {
        Reply help = sb.sms("help");

        assertThat(help.message()).hasValueSatisfying(t -> assertThat(t)
                .contains("Bristol Plumbing").contains("call this number").contains("STOP")
                .as("never the owner's own mobile").doesNotContain(OWNER).doesNotContain("900999"));
        assertThat(sb.sms("INFO").message()).isEqualTo(help.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "🚰🔧💧", "Здравствуйте, у меня течёт кран", "水管漏水了，明天可以来吗？",
            "مرحبا، الحوض مسدود", "<Response><Redirect>https://evil.example</Redirect></Response> & \u0007"})
    void awkwardTextGetsASensibleReply(String body) {
        Reply r = sb.sms(body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).as(r.body()).hasValueSatisfying(t -> assertThat(t).isNotBlank());
        assertThat(r.body()).doesNotContain("<Redirect>");
    }

    @ParameterizedTest
    @ValueSource(ints = {1600, 3000})
    void aVeryLongBodyIsCutAndAnswered(int length) {
        // 1600 chars is Twilio's own maximum; 3000 can only come from something else and is cut.
        String body = "管道漏水 drain cleaning tomorrow at 10 please 🚰 ".repeat(100).substring(0, length);

        Reply r = sb.sms(body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).hasValueSatisfying(t -> assertThat(t).isNotBlank().hasSizeLessThanOrEqualTo(1600));
    }

    @Test
    void aFieldFarBeyondAnySmsIsRefusedCleanly() {
        Reply r = sb.sms("x".repeat(20_000));

        assertThat(r.status()).as("Vert.x refuses form fields over 8 KiB").isEqualTo(400);
        assertThat(sb.count("select count(*) from processed_message")).isZero();
        assertThat(sb.sms("Hi there").message()).as("and the next message is fine").isPresent();
    }

    @Test
    void aPictureWithoutTextIsAskedForWords() {
        Map<String, String> mms = TextChannelsHarness.smsParams(sb.nextSid(), CALLER, "", 1);
        mms.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        mms.put("MediaContentType0", "image/jpeg");

        Reply r = sb.postSigned(mms);

        assertThat(r.message()).hasValueSatisfying(t -> assertThat(t).contains("only read text"));
    }

    @Test
    void aSenderThatIsNotAPhoneNumberGetsNoReply() {
        Reply r = sb.sms(sb.nextSid(), "VODAFONE", "Your bill is ready");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.message()).isEmpty();
    }

    @Test
    void aWebhookWithoutMessageSidIsABadRequest() {
        Map<String, String> params = TextChannelsHarness.smsParams("x", CALLER, "hi", 0);
        params.remove("MessageSid");

        assertThat(sb.postSigned(params).status()).isEqualTo(400);
        assertThat(sb.count("select count(*) from processed_message")).isZero();
    }

    @Test
    void anEmergencyTextsTheOwnerAtOnce() {
        Reply r = sb.sms("Help, a burst pipe is flooding my kitchen!");

        assertThat(r.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).containsIgnoringCase("urgent"));
        ProviderStub.Sent alert = sb.provider.awaitSent(1).getFirst();
        assertThat(alert.to()).isEqualTo(OWNER);
        assertThat(alert.text()).startsWith("EMERGENCY").contains("Bristol Plumbing").contains(CALLER)
                .containsIgnoringCase("burst pipe").contains("Address: not given yet");
        assertThat(alert.authorization()).startsWith("Basic ");
    }

    private void bookUpToConfirmation() {
        sb.sms("Hi, my kitchen sink is blocked, can you do a drain cleaning tmrw at 10am?");
        sb.sms("Jane Doe");
        sb.sms("yes");
        Reply confirm = sb.sms("12 Park Street, Bristol BS1 5HX");
        assertThat(confirm.message()).as(sb.transcript()).hasValueSatisfying(t -> assertThat(t).contains("Book it?"));
    }

    private List<Appointment> booked() {
        ZonedDateTime now = sb.fx.clock().instant().atZone(sb.fx.clock().getZone());
        return sb.fx.scheduling().appointments().startingBetween(now.toInstant(), now.plusDays(90).toInstant())
                .stream().filter(a -> a.status().holdsSlot()).toList();
    }
}
