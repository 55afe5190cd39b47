package io.switchboard.server;

import io.switchboard.media.call.VoiceSettings;
import io.switchboard.media.server.MediaServerSettings;
import io.switchboard.media.stt.SttSettings;
import io.switchboard.telephony.voice.LiveTransferSettings;
import io.switchboard.telephony.voice.TwilioVoiceSettings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The voice side of the {@link Settings}: recognition, turn-taking, the media WebSocket, how many calls at once,
 * Twilio's webhook and stream checks, live transfers and where the browser softphone connects.
 *
 * @param stt         the speech recogniser ({@code SWITCHBOARD_STT_*}, {@code SWITCHBOARD_WHISPER_MODEL})
 * @param calls       turn-taking ({@code SWITCHBOARD_VAD_HANGOVER_MS}, {@code SWITCHBOARD_REPROMPT_SECONDS})
 * @param media       the media WebSocket ({@code SWITCHBOARD_MEDIA_*})
 * @param maxCalls    calls taken at once ({@code SWITCHBOARD_MAX_CALLS})
 * @param twilio      the Twilio voice webhook, when {@code SWITCHBOARD_PUBLIC_URL} or {@code SWITCHBOARD_MEDIA_URL}
 *                    is set
 * @param verify      whether Twilio's signatures and call tokens are checked ({@code SWITCHBOARD_TWILIO_VERIFY})
 * @param transfer    live transfers ({@code SWITCHBOARD_TRANSFER_NUMBER})
 * @param softphone   where the browser softphone connects
 * @param prompts     where synthesised prompts are kept between starts ({@code SWITCHBOARD_PROMPT_CACHE_DIR})
 */
public record VoiceServerSettings(SttSettings stt, VoiceSettings calls, MediaServerSettings media, int maxCalls,
                                  Optional<TwilioVoiceSettings> twilio, boolean verify,
                                  Optional<LiveTransferSettings> transfer, SoftphoneUrls softphone,
                                  Path prompts) {

    /** The variable naming the prompt directory; by default {@code cache/prompts} under the data directory. */
    public static final String PROMPT_CACHE_DIR = "SWITCHBOARD_PROMPT_CACHE_DIR";

    public VoiceServerSettings {
        Objects.requireNonNull(stt, "stt");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(twilio, "twilio");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(softphone, "softphone");
        Objects.requireNonNull(prompts, "prompts");
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1");
        }
    }
}
