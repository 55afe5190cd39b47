package io.switchboard.scheduling.identity;

/** What typing a one-time code led to. Only {@link Verified} proves the number. */
public sealed interface CodeCheck {

    /** The right code, in time, for the first time: the number is proven. The code is spent. */
    record Verified() implements CodeCheck {
    }

    /** Not the code; {@code triesLeft} more wrong ones spend it. */
    record Wrong(int triesLeft) implements CodeCheck {
    }

    /** The last try was wrong too: the code is spent and a new one must be asked for. */
    record TooManyTries() implements CodeCheck {
    }

    /** The code's ten minutes are over. */
    record Expired() implements CodeCheck {
    }

    /** No code waits for this number here: never sent, already used, or replaced by a newer one. */
    record NoCode() implements CodeCheck {
    }
}
