package io.switchboard.telephony.messaging;

import io.switchboard.models.settings.SettingsSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagingConfigTest {

    private static Map<String, String> twilio() {
        Map<String, String> env = new HashMap<>();
        env.put("TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef");
        env.put("TWILIO_AUTH_TOKEN", "secret-auth-token");
        env.put("TWILIO_FROM_NUMBER", "+441174960000");
        env.put("SWITCHBOARD_PUBLIC_URL", "https://switchboard.example.co.uk");
        return env;
    }

    private static Map<String, String> whatsApp() {
        Map<String, String> env = new HashMap<>();
        env.put("WHATSAPP_APP_SECRET", "app-secret");
        env.put("WHATSAPP_VERIFY_TOKEN", "verify");
        env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-token");
        env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
        return env;
    }

    @Test
    void nothingSetMeansBothChannelsOff() {
        MessagingConfig c = MessagingConfig.from(SettingsSource.of(Map.of("PATH", "/usr/bin")));
        assertThat(c.sms()).isEmpty();
        assertThat(c.whatsApp()).isEmpty();
    }

    @Test
    void twilioCredentialsWithoutASendingNumberLeaveSmsOff() {
        Map<String, String> env = twilio();
        env.remove("TWILIO_FROM_NUMBER");
        assertThat(MessagingConfig.from(SettingsSource.of(env)).sms()).isEmpty();
    }

    @Test
    void aCompleteTwilioSetupTurnsSmsOnWithVerification() {
        Map<String, String> env = twilio();
        env.put("TWILIO_API_BASE_URL", "http://127.0.0.1:4010");

        TwilioChannelConfig sms = MessagingConfig.from(SettingsSource.of(env)).sms().orElseThrow();

        assertThat(sms.verifySignatures()).isTrue();
        assertThat(sms.publicBaseUrl()).isEqualTo(URI.create("https://switchboard.example.co.uk"));
        assertThat(sms.smsSettings().apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:4010"));
        assertThat(sms.toString()).doesNotContain("secret-auth-token");
    }

    @Test
    void aMessagingServiceSidCanReplaceTheNumber() {
        Map<String, String> env = twilio();
        env.remove("TWILIO_FROM_NUMBER");
        env.put("TWILIO_MESSAGING_SERVICE_SID", "MG9752274e9e519418a7406176694466fa");

        assertThat(MessagingConfig.from(SettingsSource.of(env)).sms().orElseThrow().smsSettings().usesMessagingService())
                .isTrue();
    }

    @Test
    void aHalfConfiguredChannelFailsNamingWhatIsMissingButNoValues() {
        Map<String, String> env = twilio();
        env.remove("TWILIO_ACCOUNT_SID");
        env.remove("SWITCHBOARD_PUBLIC_URL");
        assertThatThrownBy(() -> MessagingConfig.from(SettingsSource.of(env)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TWILIO_ACCOUNT_SID").hasMessageContaining("SWITCHBOARD_PUBLIC_URL")
                .hasMessageNotContaining("secret-auth-token");

        Map<String, String> wa = whatsApp();
        wa.remove("WHATSAPP_APP_SECRET");
        assertThatThrownBy(() -> MessagingConfig.from(SettingsSource.of(wa)))
                .hasMessageContaining("WHATSAPP_APP_SECRET").hasMessageNotContaining("EAAG-token");
    }

    @Test
    void thePublicUrlIsOptionalOnlyWithVerificationExplicitlyOff() {
        Map<String, String> env = twilio();
        env.remove("SWITCHBOARD_PUBLIC_URL");
        env.put("SWITCHBOARD_TWILIO_VERIFY", "false");

        assertThat(MessagingConfig.from(SettingsSource.of(env)).sms().orElseThrow().verifySignatures()).isFalse();
        env.put("SWITCHBOARD_TWILIO_VERIFY", "no");
        assertThatThrownBy(() -> MessagingConfig.from(SettingsSource.of(env))).hasMessageContaining("SWITCHBOARD_PUBLIC_URL");
    }

    @Test
    void malformedUrlsFailStartUp() {
        Map<String, String> env = twilio();
        env.put("SWITCHBOARD_PUBLIC_URL", "switchboard.example.co.uk");
        assertThatThrownBy(() -> MessagingConfig.from(SettingsSource.of(env))).hasMessageContaining("SWITCHBOARD_PUBLIC_URL");
    }

    @Test
    void whatsAppDefaultsToTheGraphApi() {
        WhatsAppChannelConfig wa = MessagingConfig.from(SettingsSource.of(whatsApp())).whatsApp().orElseThrow();

        assertThat(wa.cloudSettings().messagesEndpoint())
                .isEqualTo(URI.create("https://graph.facebook.com/v21.0/106540352242922/messages"));
        assertThat(wa.toString()).doesNotContain("app-secret").doesNotContain("EAAG-token");
    }
}
