package io.switchboard.telephony.twilio.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records decoded events as readable strings (and media payload copies) for assertions. */
class RecordingListener implements MediaStreamListener {

    final List<String> events = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    StartInfo start;
    byte[] lastBufferSeen;

    @Override
    public void onConnected(String protocol, String version) {
        events.add("connected " + protocol + " " + version);
    }

    @Override
    public void onStart(StartInfo start) {
        this.start = start;
        events.add("start " + start.streamSid());
    }

    @Override
    public void onMedia(long sequenceNumber, long timestampMs, byte[] payload, int length) {
        lastBufferSeen = payload;
        payloads.add(Arrays.copyOf(payload, length));
        events.add("media seq=" + sequenceNumber + " ts=" + timestampMs + " len=" + length);
    }

    @Override
    public void onDtmf(char digit) {
        events.add("dtmf " + digit);
    }

    @Override
    public void onMark(String name) {
        events.add("mark " + name);
    }

    @Override
    public void onStop() {
        events.add("stop");
    }
}
