package io.switchboard.media.server;

import io.switchboard.media.call.CallOutput;
import io.switchboard.media.call.CallSession;
import io.switchboard.media.call.CallSessionFactory;
import io.switchboard.telephony.twilio.media.StartInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call factory that only records what the network side hands to each call. */
final class RecordingCalls implements CallSessionFactory {

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public CallSession open(StartInfo start, CallOutput output) {
        Call call = new Call(start, output);
        calls.add(call);
        return call;
    }

    static final class Call implements CallSession {
        final StartInfo start;
        final CallOutput output;
        final List<byte[]> media = new CopyOnWriteArrayList<>();
        final StringBuffer digits = new StringBuffer();
        final List<String> marks = new CopyOnWriteArrayList<>();
        volatile int stops;

        Call(StartInfo start, CallOutput output) {
            this.start = start;
            this.output = output;
        }

        @Override
        public void onMedia(byte[] payload, int offset, int length) {
            media.add(java.util.Arrays.copyOfRange(payload, offset, offset + length));
        }

        @Override
        public void onDtmf(char digit) {
            digits.append(digit);
        }

        @Override
        public void onMark(String name) {
            marks.add(name);
        }

        @Override
        public void stop() {
            stops++;
        }
    }
}
