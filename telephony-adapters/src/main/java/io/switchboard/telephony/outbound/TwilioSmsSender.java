package io.switchboard.telephony.outbound;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.switchboard.models.Channel;
import java.io.IOException;
import java.util.Objects;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;

/**
 * Sends SMS through twilio-java's REST client ({@code Message.creator(...).create(client)}), against
 * {@code api.twilio.com} or the configured base URL. One blocking attempt per call: run it off any event loop.
 */
public final class TwilioSmsSender implements ChannelSender {

    /** Twilio's limit for a message body. */
    public static final int MAX_BODY_CHARS = 1600;

    private final TwilioSmsSettings settings;
    private final TwilioRestClient client;

    public TwilioSmsSender(TwilioSmsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int timeoutMs = Math.toIntExact(settings.timeout().toMillis());
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(timeoutMs)
                .setConnectionRequestTimeout(timeoutMs)
                .setSocketTimeout(timeoutMs)
                .build();
        SocketConfig socketConfig = SocketConfig.custom().setSoTimeout(timeoutMs).build();
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new TwilioBaseUrlHttpClient(
                        new NetworkHttpClient(requestConfig, socketConfig), settings.apiBaseUrl()))
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public int maxTextLength() {
        return MAX_BODY_CHARS;
    }

    @Override
    public String send(String toE164, String text) throws SendFailure {
        PhoneNumber to = new PhoneNumber(toE164);
        MessageCreator creator = settings.usesMessagingService()
                ? Message.creator(to, settings.from(), text)
                : Message.creator(to, new PhoneNumber(settings.from()), text);
        try {
            Message message = creator.create(client);
            if (message.getSid() == null) {
                throw new SendFailure("Twilio accepted the request but returned no message SID", false,
                        SendFailure.NO_STATUS, null);
            }
            return message.getSid();
        } catch (ApiConnectionException e) {
            throw SendFailure.connection("cannot reach the Twilio API", e);
        } catch (ApiException e) {
            throw classify(e);
        } catch (TwilioException e) {
            // e.g. an unreadable success body: the message may or may not exist, so do not send it twice.
            throw new SendFailure("unexpected Twilio client error: " + e.getClass().getSimpleName(), false,
                    SendFailure.NO_STATUS, e);
        }
    }

    /** Twilio's error messages can quote the number, so only status and Twilio error code are kept. */
    private static SendFailure classify(ApiException e) {
        Integer status = e.getStatusCode();
        if (status == null) {
            boolean connection = e.getCause() instanceof IOException;
            return new SendFailure(connection ? "cannot reach the Twilio API" : "Twilio API error without status",
                    connection, SendFailure.NO_STATUS, e);
        }
        String code = e.getCode() == null ? "" : " (Twilio error " + e.getCode() + ")";
        return new SendFailure("Twilio API answered HTTP " + status + code,
                SendFailure.isTransientStatus(status), status, e);
    }
}
