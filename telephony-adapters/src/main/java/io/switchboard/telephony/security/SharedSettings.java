package io.switchboard.telephony.security;

import java.util.Optional;

/**
 * Small named values that every instance on one database must agree on (the generated admin token). Blocking.
 */
public interface SharedSettings {

    /**
     * Stores {@code value} under {@code name} unless a value is already there, atomically across instances, and
     * returns whichever value is stored afterwards: the first instance to start wins and every other one adopts it.
     */
    String putIfAbsent(String name, String value);

    Optional<String> get(String name);
}
