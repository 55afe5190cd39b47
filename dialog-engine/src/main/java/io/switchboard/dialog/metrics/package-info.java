/**
 * Switchboard's own measurements, recorded into one Micrometer registry behind {@link
 * io.switchboard.dialog.metrics.Metrics}: created once at start-up and handed to the parts that record, never a
 * static global. Meter names start with {@code switchboard.} (exported as {@code switchboard_...}); every meter a
 * recorder uses is registered when the recorder is built, so recording is a lookup-free counter or timer update.
 */
package io.switchboard.dialog.metrics;
