package io.switchboard.media.server;

import io.switchboard.telephony.twilio.media.StartInfo;

/** Whether a media stream's {@code start} may open a call, and with what identity. */
sealed interface StreamAdmission {

    /** @param start the start to open the call with: its caller ID is the verified one, not the client's claim */
    record Admitted(StartInfo start) implements StreamAdmission {
    }

    /** @param reason for the log only */
    record Refused(String reason) implements StreamAdmission {
    }
}
