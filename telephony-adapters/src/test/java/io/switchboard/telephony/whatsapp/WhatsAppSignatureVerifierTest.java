package io.switchboard.telephony.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WhatsAppSignatureVerifierTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final byte[] BODY = WhatsAppPayloadParserTest.TEXT.getBytes(StandardCharsets.UTF_8);

    private final WhatsAppSignatureVerifier verifier = new WhatsAppSignatureVerifier(SECRET);

    /** Independent of the verifier: the header exactly as Meta documents it. */
    static String metaSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsMetasSignatureOverTheRawBytes() throws Exception {
        String header = metaSignature(SECRET, BODY);
        assertThat(verifier.isValid(BODY, header)).isTrue();
        assertThat(verifier.signatureFor(BODY)).isEqualTo(header);
    }

    @Test
    void upperCaseHexIsAccepted() throws Exception {
        String header = "sha256=" + metaSignature(SECRET, BODY).substring(7).toUpperCase();
        assertThat(verifier.isValid(BODY, header)).isTrue();
    }

    @Test
    void anyChangeToTheBodyInvalidatesIt() throws Exception {
        String header = metaSignature(SECRET, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThat(verifier.isValid(tampered, header)).isFalse();
        // Re-serialised JSON with the same meaning is still a different body: the check is on bytes.
        byte[] reformatted = WhatsAppPayloadParserTest.TEXT.replace("  ", " ").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.isValid(reformatted, header)).isFalse();
    }

    @Test
    void forgedOrMalformedHeadersAreRejected() throws Exception {
        assertThat(verifier.isValid(BODY, metaSignature("another-secret", BODY))).isFalse();
        String good = metaSignature(SECRET, BODY);
        assertThat(verifier.isValid(BODY, good.substring(7))).as("without prefix").isFalse();
        assertThat(verifier.isValid(BODY, "sha1=" + good.substring(7))).isFalse();
        assertThat(verifier.isValid(BODY, good.substring(0, good.length() - 2))).isFalse();
        assertThat(verifier.isValid(BODY, good.substring(0, good.length() - 1) + "g")).isFalse();
        assertThat(verifier.isValid(BODY, null)).isFalse();
        assertThat(verifier.isValid(BODY, "")).isFalse();
        assertThat(verifier.isValid(null, good)).isFalse();
    }

    @Test
    void requiresASecret() {
        assertThatThrownBy(() -> new WhatsAppSignatureVerifier("")).isInstanceOf(IllegalArgumentException.class);
    }
}
