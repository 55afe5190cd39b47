package io.switchboard.dialog;

import java.util.Objects;
import java.util.Optional;

/**
 * Who the channel has proved the sender to be, and how. Only a proven number may see or change that number's
 * bookings or ask for owner access; a number someone merely types is a claim, never an identity.
 *
 * @param provenPhone the sender's number in E.164, or null when nothing is proven (a public web visitor)
 * @param proof       how the number was proved
 */
public record Identity(String provenPhone, Proof proof) {

    /** How an identity was established. */
    public enum Proof {
        /** Nothing: a public web visitor who has not (yet) proved a number. */
        NONE,
        /** The provider signed the message: Twilio's {@code From} on SMS and voice, the WhatsApp sender. */
        PROVIDER_SIGNED,
        /** A trusted integration holding the admin token vouches for the number it names. */
        TRUSTED_INTEGRATION,
        /** The visitor typed back a one-time code texted to the number (the web verification flow). */
        ONE_TIME_CODE,
        /**
         * The channel's own account is mapped to the owner by the operator's configuration (a Slack workspace admin
         * named as the owner): the number is the owner's from the profile. It opens nothing by itself: the owner
         * briefing still asks for the PIN, as on every channel.
         */
        OWNER_ACCOUNT
    }

    private static final Identity NONE = new Identity(null, Proof.NONE);

    public Identity {
        Objects.requireNonNull(proof, "proof");
        if ((proof == Proof.NONE) != (provenPhone == null)) {
            throw new IllegalArgumentException("a number is proven exactly when there is a proof");
        }
    }

    public static Identity none() {
        return NONE;
    }

    public static Identity signedBy(String provenPhone, Proof proof) {
        return new Identity(Objects.requireNonNull(provenPhone, "provenPhone"), proof);
    }

    /** The proven number, if any. */
    public Optional<String> phone() {
        return Optional.ofNullable(provenPhone);
    }

    public boolean isProven() {
        return proof != Proof.NONE;
    }

    /** Never the number itself: identities end up in log lines. */
    @Override
    public String toString() {
        return isProven() ? "Identity[" + proof + "]" : "Identity[none]";
    }
}
