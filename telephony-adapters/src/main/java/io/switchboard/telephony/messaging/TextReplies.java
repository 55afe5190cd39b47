package io.switchboard.telephony.messaging;

import io.switchboard.models.BusinessProfile;
import java.util.Objects;

/** The texts the channel layer answers itself (keywords, attachments, failures), in the business's name. */
public final class TextReplies {

    private final BusinessProfile profile;

    public TextReplies(BusinessProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** HELP/INFO: who this is and how to reach a person. */
    public String help() {
        String askFor = profile.owner().name().isBlank() ? "" : " and ask for " + profile.owner().name();
        // the owner's own mobile is never given out: this number (the business's) reaches them
        return profile.name() + ": text us to book, change or cancel a job. To talk to a person, call this number"
                + askFor + ". Reply STOP to stop texts.";
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
        return "Sorry, something went wrong on our side. Please try again in a minute or call this number.";
    }
}
