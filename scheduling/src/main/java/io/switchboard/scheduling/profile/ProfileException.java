package io.switchboard.scheduling.profile;

/** A business profile that cannot be used; the message names the offending field. */
public final class ProfileException extends RuntimeException {

    private final String field;

    public ProfileException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public ProfileException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** Path of the field in the profile document, e.g. {@code services[2].duration}. */
    public String field() {
        return field;
    }
}
