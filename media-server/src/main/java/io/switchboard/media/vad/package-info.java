/** Voice-activity detection deciding when a caller starts and stops speaking. */
package io.switchboard.media.vad;
