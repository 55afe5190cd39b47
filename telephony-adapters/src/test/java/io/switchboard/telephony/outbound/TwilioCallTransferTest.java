package io.switchboard.telephony.outbound;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.telephony.messaging.ProviderStub;
import io.switchboard.telephony.voice.LiveTransferSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live transfer as Twilio sees it: the real twilio-java call update against the loopback {@link ProviderStub}. */
class TwilioCallTransferTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "12345678901234567890123456789012";
    private static final String CALL = "CA0123456789abcdef0123456789abcdef";

    private final ProviderStub twilio = new ProviderStub();

    @AfterEach
    void close() {
        twilio.close();
    }

    @Test
    void theCallIsUpdatedToDialTheTransferNumber() {
        TwilioCallTransfer transfer = new TwilioCallTransfer(new LiveTransferSettings("+447700900555", ACCOUNT, TOKEN,
                twilio.baseUrl(), Duration.ofSeconds(5)));

        assertThat(transfer.transfer(CALL)).isTrue();

        assertThat(twilio.callUpdates()).singleElement().satisfies(u -> {
            assertThat(u.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + CALL + ".json");
            assertThat(u.twiml()).contains("<Dial><Number>+447700900555</Number></Dial>").startsWith("<?xml")
                    .contains("<Response>");
            assertThat(u.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void aRefusedUpdateIsFalseNotAnException() {
        twilio.failNext(1, 404);
        TwilioCallTransfer transfer = new TwilioCallTransfer(new LiveTransferSettings("+447700900555", ACCOUNT, TOKEN,
                twilio.baseUrl(), Duration.ofSeconds(5)));
        assertThat(transfer.transfer(CALL)).isFalse();
    }

    @Test
    void settingsComeFromTheEnvironmentAndNameWhatIsMissing() {
        assertThat(LiveTransferSettings.from(SettingsSource.of(Map.of()))).isEmpty();
        assertThat(LiveTransferSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_TRANSFER_NUMBER", "+44 7700 900555",
                "TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN)))).get()
                .satisfies(s -> assertThat(s.number()).isEqualTo("+447700900555"));
        assertThatThrownBy(() -> LiveTransferSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_TRANSFER_NUMBER",
                "+447700900555")))).hasMessageContaining("TWILIO_ACCOUNT_SID");
        assertThatThrownBy(() -> LiveTransferSettings.from(SettingsSource.of(Map.of("SWITCHBOARD_TRANSFER_NUMBER", "07700",
                "TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN))))
                .hasMessageContaining("SWITCHBOARD_TRANSFER_NUMBER");
    }
}
