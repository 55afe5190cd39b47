package io.switchboard.telephony.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.models.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Sends WhatsApp text messages with the Cloud API's {@code POST /{version}/{phone-number-id}/messages}. One blocking
 * attempt per call: run it off any event loop.
 */
public final class WhatsAppCloudSender implements ChannelSender {

    /** The Cloud API's limit for a text message body. */
    public static final int MAX_BODY_CHARS = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatsAppCloudSettings settings;
    private final URI endpoint;
    private final HttpClient http;

    public WhatsAppCloudSender(WhatsAppCloudSettings settings) {
        this(settings, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
    }

    public WhatsAppCloudSender(WhatsAppCloudSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = settings.messagesEndpoint();
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public int maxTextLength() {
        return MAX_BODY_CHARS;
    }

    @Override
    public String send(String toE164, String text) throws SendFailure {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(toE164, text)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw SendFailure.connection("cannot reach the WhatsApp Cloud API: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted while sending", false, SendFailure.NO_STATUS, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw SendFailure.forStatus(status, "WhatsApp Cloud API answered HTTP " + status + metaErrorCode(response));
        }
        String id = messageId(response.body());
        if (id == null) {
            // Accepted but unreadable: retrying could deliver twice, so report a permanent failure.
            throw new SendFailure("WhatsApp Cloud API accepted the request but returned no message id", false,
                    status, null);
        }
        return id;
    }

    /** WhatsApp ids are the international number without the plus. */
    static byte[] body(String toE164, String text) {
        ObjectNode root = JSON.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", toE164.startsWith("+") ? toE164.substring(1) : toE164)
                .put("type", "text");
        root.putObject("text").put("preview_url", false).put("body", text);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static String messageId(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("messages").path(0).path("id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Meta's numeric error code helps diagnosis; its message text may quote the recipient, so it is dropped. */
    private static String metaErrorCode(HttpResponse<byte[]> response) {
        try {
            JsonNode code = JSON.readTree(response.body()).path("error").path("code");
            return code.isNumber() ? " (Meta error " + code.asInt() + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
