package io.switchboard.media.simulator;

import io.switchboard.media.tts.MaryTtsSynthesizer;
import java.io.IOException;
import java.util.Objects;
import javax.sound.sampled.AudioInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A caller made from the bot's own MaryTTS voice (the only MaryTTS 5.2 voice on Maven Central) with MaryTTS's audio
 * effects, so it needs no system package and still does not sound like the receptionist: {@code TractScaler} moves
 * the formants (a longer or shorter vocal tract), {@code F0Add} shifts the pitch ({@code F0Scale} would only widen the
 * intonation around the same mean). The pace is set with SSML {@code <prosody rate="-25%">}: MaryTTS 5.2.1 parses the
 * {@code Rate(durScale:…)} effect but this HSMM voice's durations ignore it (measured: same length at 1.3 and 2.0).
 *
 * <p>MaryTTS applies {@code F0Add} by setting it on the one voice object all its users share, at the start of each
 * synthesis (the next request resets it, see {@code MaryCallerVoiceTest}); a caller line rendered while the
 * receptionist speaks in the same JVM would change her pitch mid-reply. So render a call's lines before the calls
 * start (the tests do it in their set-up, through a {@link CachedCallerVoice}, so later runs do not synthesise at
 * all); renders of caller lines are serialised here.
 *
 * @param name        short name for reports ({@code mary-deep})
 * @param effects     MaryTTS's effects string, e.g. {@code TractScaler(amount:0.8;)+F0Add(f0Add:-80;)}; empty for none
 * @param ratePercent speaking rate relative to the voice's own, in percent: -25 is a quarter slower, 0 unchanged
 */
public record MaryCallerVoice(String name, String effects, int ratePercent) implements CallerVoice {

    /**
     * A man's voice: vocal tract 20 % longer (formants down), pitch 80 Hz lower. Of the settings tried it is the one
     * the small Vosk model hears best (see {@link Callers#MARY_BOOKING_LINES}).
     */
    public static final MaryCallerVoice DEEP = new MaryCallerVoice("mary-deep",
            "TractScaler(amount:0.8;)+F0Add(f0Add:-80;)", 0);
    /** A quicker, lower speaker: vocal tract 15 % longer, pitch 60 Hz lower, 10 % faster. */
    public static final MaryCallerVoice QUICK = new MaryCallerVoice("mary-quick",
            "TractScaler(amount:0.85;)+F0Add(f0Add:-60;)", 10);
    /** A slow speaker who takes their time: slightly longer tract, pitch 30 Hz lower, a quarter slower. */
    public static final MaryCallerVoice SLOW = new MaryCallerVoice("mary-slow",
            "TractScaler(amount:0.95;)+F0Add(f0Add:-30;)", -25);

    private static final String SSML = "http://www.w3.org/2001/10/synthesis";
    private static final Object MARY = new Object();
    private static MaryInterface mary;

    public MaryCallerVoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effects, "effects");
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a caller name is lower-case letters, digits and '-': " + name);
        }
        if (ratePercent < -60 || ratePercent > 100) {
            throw new IllegalArgumentException("rate -60 % to +100 %, please: " + ratePercent);
        }
    }

    @Override
    public String id() {
        return "marytts:" + MaryTtsSynthesizer.VOICE + ":" + effects + (ratePercent == 0 ? "" : ":rate" + ratePercent);
    }

    @Override
    public short[] render(String text, int sampleRate) {
        Objects.requireNonNull(text, "text");
        synchronized (MARY) {
            MaryInterface engine = engine();
            engine.setAudioEffects(effects);
            engine.setInputType(ratePercent == 0 ? "TEXT" : "SSML");
            try (AudioInputStream audio = ratePercent == 0 ? engine.generateAudio(text)
                    : engine.generateAudio(ssml(text))) {
                return MonoSamples.read(audio, sampleRate);
            } catch (SynthesisException | IOException | ParserConfigurationException e) {
                throw new IllegalStateException("MaryTTS could not render '" + text + "' as " + name, e);
            }
        }
    }

    /** {@code <speak><prosody rate="±N%">text</prosody></speak>}, built as a DOM so the text needs no escaping. */
    private Document ssml(String text) throws ParserConfigurationException {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element speak = doc.createElementNS(SSML, "speak");
        speak.setAttribute("version", "1.0");
        speak.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en-US");
        Element prosody = doc.createElementNS(SSML, "prosody");
        prosody.setAttribute("rate", (ratePercent > 0 ? "+" : "") + ratePercent + "%");
        prosody.appendChild(doc.createTextNode(text));
        speak.appendChild(prosody);
        doc.appendChild(speak);
        return doc;
    }

    /** One interface of our own (its effects setting is ours), on the runtime and voice the receptionist shares. */
    private static MaryInterface engine() {
        if (mary == null) {
            try {
                MaryInterface created = new LocalMaryInterface();
                created.setVoice(MaryTtsSynthesizer.VOICE);
                mary = created;
            } catch (MaryConfigurationException | IllegalArgumentException e) {
                throw new IllegalStateException("MaryTTS or its voice " + MaryTtsSynthesizer.VOICE
                        + " could not be loaded", e);
            }
        }
        return mary;
    }
}
