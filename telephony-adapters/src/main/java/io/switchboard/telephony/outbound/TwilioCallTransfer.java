package io.switchboard.telephony.outbound;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import com.twilio.type.Twiml;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.voice.LiveTransferSettings;
import java.util.Objects;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a live call through to the transfer number with twilio-java's REST client: the call update
 * ({@code POST /2010-04-01/Accounts/{sid}/Calls/{CallSid}.json}) with new TwiML, {@code <Dial>} to the number, which
 * ends the media stream and rings the owner. Against {@code api.twilio.com} or the configured base URL; one blocking
 * attempt (a retried update could ring twice): run it off any event loop.
 */
public final class TwilioCallTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioCallTransfer.class);

    private final LiveTransferSettings settings;
    private final TwilioRestClient client;
    private final Twiml dial;

    public TwilioCallTransfer(LiveTransferSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int timeoutMs = Math.toIntExact(settings.timeout().toMillis());
        RequestConfig requestConfig = RequestConfig.custom().setConnectTimeout(timeoutMs)
                .setConnectionRequestTimeout(timeoutMs).setSocketTimeout(timeoutMs).build();
        SocketConfig socketConfig = SocketConfig.custom().setSoTimeout(timeoutMs).build();
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new TwilioBaseUrlHttpClient(new NetworkHttpClient(requestConfig, socketConfig),
                        settings.apiBaseUrl()))
                .build();
        // Built once by the TwiML builder, so the number is escaped as XML whatever it holds.
        this.dial = new Twiml(new VoiceResponse.Builder()
                .dial(new Dial.Builder().number(new Number.Builder(settings.number()).build()).build())
                .build().toXml());
    }

    /** The TwiML the call is updated with. */
    public String twiml() {
        return dial.toString();
    }

    /**
     * Updates the call to dial the transfer number. Never throws: false (with an error log without the numbers) when
     * Twilio refused or could not be reached, and the caller's message has gone to the owner anyway.
     */
    public boolean transfer(String callSid) {
        try {
            Call call = Call.updater(callSid).setTwiml(dial).update(client);
            LOG.info("call {} put through to the transfer number {}", mask(callSid), PiiMask.phone(settings.number()));
            return call != null;
        } catch (ApiConnectionException e) {
            LOG.error("call {} NOT transferred: cannot reach the Twilio API", mask(callSid));
        } catch (ApiException e) {
            LOG.error("call {} NOT transferred: Twilio answered HTTP {} (error {})", mask(callSid), e.getStatusCode(),
                    e.getCode());
        } catch (TwilioException e) {
            LOG.error("call {} NOT transferred: {}", mask(callSid), e.getClass().getSimpleName());
        }
        return false;
    }

    private static String mask(String callSid) {
        return callSid == null || callSid.length() < 6 ? "CA***" : callSid.substring(0, 2) + "***"
                + callSid.substring(callSid.length() - 4);
    }
}
