package io.switchboard.server;

import io.switchboard.dialog.Identity;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.telephony.messaging.ProviderStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server as {@code serve} wires it proves numbers by one-time codes through its SMS channel. */
class SwitchboardCodesTest {

    @TempDir
    Path dataDir;

    private final ProviderStub twilio = new ProviderStub();

    @AfterEach
    void close() {
        twilio.close();
    }

    @Test
    void withSmsConfiguredAWebVisitorIsTextedACodeThroughTheConfiguredTwilio() {
        try (Switchboard switchboard = Switchboard.open(Settings.load(env(Map.of())))) {
            assertThat(switchboard.textChannels().phoneVerifier().available()).isTrue();
            TurnResult asked = web(switchboard, "cancel my booking");
            TurnResult sent = web(switchboard, "07700 900123");

            assertThat(asked.reply()).contains("What's the mobile number");
            assertThat(sent.reply()).contains("texted a 6-digit code to the number ending 123");
            assertThat(twilio.awaitSent(1)).singleElement()
                    .satisfies(s -> assertThat(s.to()).isEqualTo("+447700900123"));
        }
    }

    @Test
    void aBadCountryListStopsStartUpNamingTheVariable() {
        // Read with every other setting at start-up, before anything is opened.
        assertThatThrownBy(() -> Settings.load(env(Map.of(CodePolicy.COUNTRIES, "GB,Atlantis"))))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(CodePolicy.COUNTRIES))
                .hasMessageContaining("Atlantis");
    }

    private static TurnResult web(Switchboard switchboard, String text) {
        return switchboard.engine().handle(TurnRequest.typed(Channel.WEB, "chat-web:wiring", Identity.none(), text)
                .fromClient("203.0.113.7"));
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_NOW", "2026-11-23T09:00",
                "SWITCHBOARD_DATA_DIR", dataDir.toString(),
                "SWITCHBOARD_PUBLIC_URL", "https://switchboard.example.co.uk",
                "TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef",
                "TWILIO_AUTH_TOKEN", "12345678901234567890123456789012",
                "TWILIO_FROM_NUMBER", "+441174960000",
                "TWILIO_API_BASE_URL", twilio.baseUrl().toString()));
        env.putAll(extra);
        return env;
    }
}
