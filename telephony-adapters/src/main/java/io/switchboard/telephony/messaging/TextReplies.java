package io.switchboard.telephony.messaging;

import io.switchboard.models.BusinessProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * The texts the channel layer answers itself (keywords, attachments, failures), in the business's name. They point
 * to the business number, never to the owner's own mobile: anyone can text in, and the owner's number is what the
 * owner-access checks key on.
 */
public final class TextReplies {

    private final BusinessProfile profile;
    private final Optional<String> businessNumber;

    /** @param businessNumber the public number customers may call (the Twilio number), or empty when there is none */
    public TextReplies(BusinessProfile profile, Optional<String> businessNumber) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.businessNumber = Objects.requireNonNull(businessNumber, "businessNumber");
    }

    /** HELP/INFO: who this is and how to reach a person. */
    public String help() {
        return profile.name() + ": text us to book, change or cancel a job. "
                + businessNumber.map(n -> "To talk to a person, call us on " + n + ". ")
                        .orElse("Tell us here if you'd like a person to call you back. ")
                + "Reply STOP to stop texts.";
    }

    /** The one reply a sender over the inbound rate limit gets before silence. */
    public String slowDown() {
        return "You're sending messages faster than we can answer. Please wait a minute, then send your message "
                + "again.";
    }

    public String optedIn() {
        return "You're subscribed to " + profile.name() + " texts again. Reply HELP for help, STOP to stop.";
    }

    /** WhatsApp has no carrier to confirm an opt-out, so the business does, once. */
    public String optedOut() {
        return "You won't get any more messages from " + profile.name() + " here. Send START to message us again.";
    }

    public String textOnly() {
        return "Thanks! I can only read text, not pictures or voice notes. Please tell me in words what you need.";
    }

    public String tryAgainLater() {
        return "Sorry, something went wrong on our side. Please try again in a minute"
                + businessNumber.map(n -> " or call us on " + n).orElse("") + ".";
    }
}
