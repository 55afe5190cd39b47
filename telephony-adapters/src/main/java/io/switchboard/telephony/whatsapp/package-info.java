/** WhatsApp Cloud API webhooks: subscription handshake, X-Hub-Signature-256 check, payload parsing. */
package io.switchboard.telephony.whatsapp;
