package io.switchboard.media.call;

import io.switchboard.telephony.twilio.media.StartInfo;

/** Opens a {@link CallSession} when a media stream starts. Called on a network event loop: must not block. */
@FunctionalInterface
public interface CallSessionFactory {

    CallSession open(StartInfo start, CallOutput output);
}
