package io.switchboard.media.simulator;

import java.util.Base64;

/** Inbound Twilio Media Streams messages (what Twilio sends to the server), shaped as Twilio documents them. */
public final class TwilioMessages {

    private TwilioMessages() {
    }

    public static String connected() {
        return "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}";
    }

    public static String start(String streamSid, String callSid, String from) {
        return start(streamSid, callSid, from, "audio/x-mulaw", 8000);
    }

    /** A {@code start} whose custom parameters also carry the per-call token (null: left out). */
    public static String start(String streamSid, String callSid, String from, String token) {
        String tokenParam = token == null ? "" : ",\"" + io.switchboard.telephony.twilio.TwimlResponses.PARAM_TOKEN
                + "\":\"" + token + "\"";
        return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC0000000000000000000000000000000a\","
                + "\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],"
                + "\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
                + "\"customParameters\":{\"CallSid\":\"" + callSid + "\",\"From\":\"" + from + "\",\"To\":\"+441174960000\""
                + tokenParam + "}},\"streamSid\":\"" + streamSid + "\"}";
    }

    public static String start(String streamSid, String callSid, String from, String encoding, int rate) {
        return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC0000000000000000000000000000000a\","
                + "\"streamSid\":\"" + streamSid + "\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],"
                + "\"mediaFormat\":{\"encoding\":\"" + encoding + "\",\"sampleRate\":" + rate + ",\"channels\":1},"
                + "\"customParameters\":{\"CallSid\":\"" + callSid + "\",\"From\":\"" + from + "\",\"To\":\"+441174960000\"}},"
                + "\"streamSid\":\"" + streamSid + "\"}";
    }

    public static String media(String streamSid, long sequence, byte[] muLaw) {
        return "{\"event\":\"media\",\"sequenceNumber\":\"" + sequence + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
                + (sequence - 1) + "\",\"timestamp\":\"" + (sequence - 2) * 20 + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(muLaw) + "\"},\"streamSid\":\"" + streamSid + "\"}";
    }

    public static String dtmf(String streamSid, long sequence, char digit) {
        return "{\"event\":\"dtmf\",\"streamSid\":\"" + streamSid + "\",\"sequenceNumber\":\"" + sequence
                + "\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"" + digit + "\"}}";
    }

    public static String mark(String streamSid, long sequence, String name) {
        return "{\"event\":\"mark\",\"sequenceNumber\":\"" + sequence + "\",\"streamSid\":\"" + streamSid
                + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    public static String stop(String streamSid, String callSid, long sequence) {
        return "{\"event\":\"stop\",\"sequenceNumber\":\"" + sequence + "\",\"stop\":{\"accountSid\":"
                + "\"AC0000000000000000000000000000000a\",\"callSid\":\"" + callSid + "\"},\"streamSid\":\"" + streamSid + "\"}";
    }
}
