/** Speech-to-text: an engine interface with per-call streams, and the Vosk and Whisper engines behind it. */
package io.switchboard.media.stt;
