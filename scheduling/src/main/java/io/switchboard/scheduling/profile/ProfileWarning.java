package io.switchboard.scheduling.profile;

/**
 * Something in a profile that works but should be changed (a 4-digit owner PIN), reported without stopping start-up.
 *
 * @param field   path of the field, as in {@link ProfileException#field()}
 * @param message what to change
 */
public record ProfileWarning(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
