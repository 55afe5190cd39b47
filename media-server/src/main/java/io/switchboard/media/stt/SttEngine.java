package io.switchboard.media.stt;

/** Which speech-to-text engine the server runs. */
public enum SttEngine {
    /** Streaming Kaldi recogniser with the small English model shipped through Maven. */
    VOSK,
    /** whisper.cpp through whisper-jni with an operator-supplied ggml model (decodes each turn at its end). */
    WHISPER
}
