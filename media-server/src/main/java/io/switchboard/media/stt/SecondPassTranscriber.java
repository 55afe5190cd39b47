package io.switchboard.media.stt;

import java.util.Optional;

/**
 * An open transcriber run on a whole buffered turn when the streaming pass heard no usable name or address: Whisper
 * when {@code SWITCHBOARD_WHISPER_MODEL} is set, nothing otherwise. One per call stream; not thread-safe.
 */
interface SecondPassTranscriber extends AutoCloseable {

    /** No transcriber configured. */
    SecondPassTranscriber NONE = new SecondPassTranscriber() {
        @Override
        public Optional<String> transcribe(short[] samples, int length) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    /** The words of {@code samples[0..length)} at 16 kHz, or empty when it heard none. */
    Optional<String> transcribe(short[] samples, int length);

    @Override
    void close();

    /** A transcriber over a stream of {@code engine} (opened on first use, so calls that never need it cost nothing). */
    static SecondPassTranscriber over(SpeechRecognizer engine) {
        return new SecondPassTranscriber() {
            private RecognitionStream stream;

            @Override
            public Optional<String> transcribe(short[] samples, int length) {
                if (stream == null) {
                    stream = engine.openStream();
                }
                stream.reset();
                stream.accept(samples, length);
                String text = stream.finalResult();
                return text.isBlank() ? Optional.empty() : Optional.of(text);
            }

            @Override
            public void close() {
                if (stream != null) {
                    stream.close();
                }
            }
        };
    }
}
