/** Outbound SMS and WhatsApp: provider clients, per-recipient rate limiting, retry, masked logging. */
package io.switchboard.telephony.outbound;
