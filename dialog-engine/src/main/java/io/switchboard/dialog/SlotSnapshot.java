package io.switchboard.dialog;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the conversation has collected so far; null where unknown.
 *
 * @param service the service id
 * @param date    the chosen or wanted day
 * @param time    the chosen or wanted start time
 */
public record SlotSnapshot(String name, String phone, String address, String problem, String service,
                           LocalDate date, LocalTime time, boolean emergency) {
}
