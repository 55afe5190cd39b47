package io.switchboard.scheduling.profile;

/**
 * The database holds the bookings of another business than the profile describes: starting would merge two
 * businesses' calendars. An expected refusal with a one-line message saying what to do.
 *
 * @see BusinessBinding
 */
public final class BusinessMismatchException extends RuntimeException {

    /** Set to {@code true} to hand the bookings in the database to the business of the new profile. */
    public static final String REBIND_SETTING = "SWITCHBOARD_REBIND_BUSINESS";

    private final String boundId;
    private final String profileId;
    private final long bookings;

    BusinessMismatchException(String boundId, String boundName, String profileId, String profileName, long bookings) {
        super("This database holds " + bookings + (bookings == 1 ? " booking" : " bookings") + " of " + boundName
                + " (id " + boundId + "), but the profile is " + profileName + " (id " + profileId + "): refusing to"
                + " merge two businesses' calendars. Give " + profileName + " its own SWITCHBOARD_DATA_DIR (or"
                + " DATABASE_URL); if it is the same business renamed, set id: " + boundId + " in the profile; to hand"
                + " these bookings to " + profileName + ", start once with " + REBIND_SETTING + "=true.");
        this.boundId = boundId;
        this.profileId = profileId;
        this.bookings = bookings;
    }

    /** The business id the database's bookings belong to. */
    public String boundId() {
        return boundId;
    }

    /** The business id of the profile that was refused. */
    public String profileId() {
        return profileId;
    }

    public long bookings() {
        return bookings;
    }
}
