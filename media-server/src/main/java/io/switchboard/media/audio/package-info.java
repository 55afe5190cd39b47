/** Streaming PCM processing for the voice path: sample-rate conversion with anti-aliasing. */
package io.switchboard.media.audio;
