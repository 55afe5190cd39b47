package io.switchboard.server.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound SMS webhooks as Twilio sends them: form-encoded, signed with {@code X-Twilio-Signature} over the public
 * URL the server is configured with (which, behind a load balancer, is the same for every instance).
 */
final class TwilioSmsWebhook {

    private final String accountSid;
    private final String authToken;
    private final String publicUrl;
    private final String businessNumber;
    private final HttpClient http;

    TwilioSmsWebhook(String accountSid, String authToken, String publicUrl, String businessNumber, HttpClient http) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.publicUrl = publicUrl;
        this.businessNumber = businessNumber;
        this.http = http;
    }

    /** One inbound message, as a request that can be sent to any instance (and sent again, as Twilio retries). */
    HttpRequest.Builder request(URI instance, String messageSid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", messageSid);
        params.put("SmsSid", messageSid);
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("To", businessNumber);
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("ApiVersion", "2010-04-01");
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(instance.resolve("/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", signature(publicUrl + "/twilio/sms", params))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(URI instance, String messageSid, String from, String body) throws Exception {
        return http.send(request(instance, messageSid, from, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The text of the TwiML {@code <Message>} reply, or "" when the reply carries none. */
    static String messageText(String twiml) {
        int start = twiml.indexOf("<Message>");
        int end = twiml.lastIndexOf("</Message>");
        return start < 0 || end < start ? "" : twiml.substring(start + "<Message>".length(), end);
    }

    /**
     * Twilio's documented scheme: Base64 HMAC-SHA1, keyed with the auth token, of the URL followed by every POST
     * parameter name and value in name order.
     */
    private String signature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
