package io.switchboard.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TwilioSignatureVerifierTest {

    static final String TOKEN = "12345678901234567890123456789012";
    static final URI BASE = URI.create("https://switchboard.example.co.uk");

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(TOKEN, BASE);

    static Map<String, String> smsParams() {
        Map<String, String> p = new HashMap<>();
        p.put("MessageSid", "SM1f0e8ae6ade43cb3c0ce4525424e404f");
        p.put("AccountSid", "AC0000000000000000000000000000000a");
        p.put("From", "+447700900123");
        p.put("To", "+441174960000");
        p.put("Body", "Can someone look at a leaking tap tomorrow? 🚰");
        p.put("NumMedia", "0");
        return p;
    }

    /** Twilio's documented algorithm: HMAC-SHA1 over the URL followed by each sorted key and its value. */
    static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsAGenuineSignature() throws Exception {
        Map<String, String> params = smsParams();
        String signature = sign(TOKEN, "https://switchboard.example.co.uk/twilio/sms", params);

        assertThat(verifier.isValid("/twilio/sms", params, signature)).isTrue();
        // Same verdict as twilio-java computes for the same request.
        assertThat(new RequestValidator(TOKEN)
                .validate("https://switchboard.example.co.uk/twilio/sms", params, signature)).isTrue();
    }

    @Test
    void theQueryStringIsPartOfTheSignedUrl() throws Exception {
        Map<String, String> params = smsParams();
        String signature = sign(TOKEN, "https://switchboard.example.co.uk/twilio/voice?tenant=bristol", params);

        assertThat(verifier.isValid("/twilio/voice?tenant=bristol", params, signature)).isTrue();
        assertThat(verifier.isValid("/twilio/voice", params, signature)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherToken() throws Exception {
        Map<String, String> params = smsParams();
        String forged = sign("00000000000000000000000000000000", "https://switchboard.example.co.uk/twilio/sms", params);
        assertThat(verifier.isValid("/twilio/sms", params, forged)).isFalse();
    }

    @Test
    void rejectsTamperedParameters() throws Exception {
        Map<String, String> params = smsParams();
        String signature = sign(TOKEN, "https://switchboard.example.co.uk/twilio/sms", params);
        params.put("Body", "CANCEL");
        assertThat(verifier.isValid("/twilio/sms", params, signature)).isFalse();
        params.put("Body", smsParams().get("Body"));
        params.put("Extra", "1");
        assertThat(verifier.isValid("/twilio/sms", params, signature)).isFalse();
    }

    @Test
    void rejectsASignatureForAnotherPathOrHost() throws Exception {
        Map<String, String> params = smsParams();
        assertThat(verifier.isValid("/twilio/sms", params,
                sign(TOKEN, "https://switchboard.example.co.uk/twilio/voice", params))).isFalse();
        assertThat(verifier.isValid("/twilio/sms", params,
                sign(TOKEN, "https://attacker.example/twilio/sms", params))).isFalse();
    }

    @Test
    void missingOrGarbageSignaturesAreRejectedWithoutErrors() {
        Map<String, String> params = smsParams();
        assertThat(verifier.isValid("/twilio/sms", params, null)).isFalse();
        assertThat(verifier.isValid("/twilio/sms", params, "")).isFalse();
        assertThat(verifier.isValid("/twilio/sms", params, "%%%not-base64%%%")).isFalse();
        assertThat(verifier.isValid("/twilio/sms", params, "a".repeat(10_000))).isFalse();
        assertThat(verifier.isValid("/twilio/sms", null, "abc")).isFalse();
        assertThat(verifier.isValid(null, params, "abc")).isFalse();
    }

    @Test
    void theBaseUrlMayCarryATrailingSlashOrAPathPrefix() throws Exception {
        Map<String, String> params = smsParams();
        TwilioSignatureVerifier prefixed =
                new TwilioSignatureVerifier(TOKEN, URI.create("https://proxy.example/switchboard/"));
        String signature = sign(TOKEN, "https://proxy.example/switchboard/twilio/sms", params);

        assertThat(prefixed.signedUrl("/twilio/sms")).isEqualTo("https://proxy.example/switchboard/twilio/sms");
        assertThat(prefixed.isValid("/twilio/sms", params, signature)).isTrue();
    }

    @Test
    void refusesToRunWithoutAToken() {
        assertThatThrownBy(() -> new TwilioSignatureVerifier(" ", BASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioSignatureVerifier(TOKEN, URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
