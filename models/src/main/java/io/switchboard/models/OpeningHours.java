package io.switchboard.models;

import java.time.LocalTime;
import java.util.Objects;

/** One open interval of a day, {@code [open, close)} in local time. */
public record OpeningHours(LocalTime open, LocalTime close) {

    public OpeningHours {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("closing time " + close + " must be after opening time " + open);
        }
    }
}
