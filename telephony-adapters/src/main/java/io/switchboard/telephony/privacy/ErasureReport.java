package io.switchboard.telephony.privacy;

import io.vertx.core.json.JsonObject;

/**
 * What erasing one number removed: counts only, for the API answer and the privacy log.
 *
 * @param bookingsRedacted bookings now kept as stubs without the person
 * @param customerRemoved  whether a customer record was deleted
 * @param calls            call-log calls (with their transcripts) deleted
 * @param messages         stored inbound messages and their replies deleted
 * @param ownerAlerts      owner alerts about this caller deleted
 * @param missedCalls      missed-call entries deleted
 */
public record ErasureReport(int bookingsRedacted, boolean customerRemoved, int calls, int messages, int ownerAlerts,
                            int missedCalls) {

    /** Whether anything was stored about the number at all. */
    public boolean foundAnything() {
        return customerRemoved || bookingsRedacted + calls + messages + ownerAlerts + missedCalls > 0;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("bookings_redacted", bookingsRedacted)
                .put("customer_removed", customerRemoved)
                .put("calls_deleted", calls)
                .put("messages_deleted", messages)
                .put("owner_alerts_deleted", ownerAlerts)
                .put("missed_calls_deleted", missedCalls);
    }
}
