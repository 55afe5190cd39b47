package io.switchboard.dialog.session;

/** A session store could not be reached or answered wrongly; the turn cannot be processed safely. */
public class SessionStoreException extends RuntimeException {

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
