package io.switchboard.telephony.http;

import io.switchboard.dialog.TurnRequest;

/** Size limits of the JSON API, shared by the body handler and the field validation. */
public final class ApiLimits {

    /** Largest request body accepted; a chat message is at most a few KiB even with every field at its limit. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_SESSION_ID = 128;
    public static final int MAX_FROM = 32;
    /** Same as the engine's own limit, but refused here instead of cut, so an API client learns about it. */
    public static final int MAX_TEXT = TurnRequest.MAX_TEXT;
    /** Longest {@code from}–{@code to} span of an appointments query, in days (about a quarter). */
    public static final int MAX_RANGE_DAYS = 92;

    private ApiLimits() {
    }
}
