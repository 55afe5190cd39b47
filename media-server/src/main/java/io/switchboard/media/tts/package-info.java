/** Text-to-speech streamed as 20 ms telephone frames, with a cache of pre-synthesised prompts. */
package io.switchboard.media.tts;
