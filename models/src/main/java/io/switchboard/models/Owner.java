package io.switchboard.models;

import java.util.Objects;

/**
 * The person who runs the business.
 *
 * @param name  how to address them
 * @param phone E.164; calls and messages from it may open the owner briefing
 * @param pin   digits the owner must give before hearing the schedule
 */
public record Owner(String name, String phone, String pin) {

    public Owner {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(pin, "pin");
        name = name == null ? "" : name;
    }

    @Override
    public String toString() {
        // The PIN never reaches a log line through toString.
        return "Owner[name=" + name + ", phone=" + phone + ", pin=****]";
    }
}
