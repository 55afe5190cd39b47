package io.switchboard.dialog.flow;

/**
 * The bounds of {@link Recovery}'s policy for conversation tests outside this package: {@code Recovery} is
 * package-private, and a test that copied its numbers would go on passing after the product changed them.
 */
public final class RecoveryLimits {

    private RecoveryLimits() {
    }

    /** {@link Recovery#MAX_TIMES_ASKED}: how often a flow may come to one question before a hand-off. */
    public static int maxTimesAsked() {
        return Recovery.MAX_TIMES_ASKED;
    }
}
