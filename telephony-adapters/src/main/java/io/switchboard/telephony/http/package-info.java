/**
 * The Vert.x HTTP control plane: health, the JSON chat and appointments API, and the router that channel
 * webhooks mount on. Blocking work runs on the control plane's worker pool, never on the event loop.
 */
package io.switchboard.telephony.http;
