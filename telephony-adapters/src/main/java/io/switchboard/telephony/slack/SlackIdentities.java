package io.switchboard.telephony.slack;

import com.slack.api.methods.MethodsClient;
import io.switchboard.dialog.Identity;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who a Slack user is to the dialog. A Slack user proves no phone number, so by default they are
 * {@link Identity#none()}, exactly as a public web visitor: they may ask and book as a new customer, and seeing,
 * moving or cancelling a booking needs a one-time code texted to the booking's number. A user the
 * {@link SlackOwnerMapping} names is the owner ({@link Identity.Proof#OWNER_ACCOUNT}, the owner's number from the
 * profile), which only lets them be asked for the owner's PIN.
 */
public final class SlackIdentities {

    private final SlackOwnerMapping mapping;
    private final Optional<SlackWorkspaceAdmins> admins;
    private final Supplier<String> ownerPhone;

    SlackIdentities(SlackOwnerMapping mapping, Optional<SlackWorkspaceAdmins> admins, Supplier<String> ownerPhone) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.admins = Objects.requireNonNull(admins, "admins");
        this.ownerPhone = Objects.requireNonNull(ownerPhone, "ownerPhone");
        if (mapping.workspaceAdmins() && admins.isEmpty()) {
            throw new IllegalArgumentException("mapping workspace admins needs the users.info look-up");
        }
    }

    /** With {@code mapping}; workspace admins are looked up with {@code client} when the mapping includes them. */
    public static SlackIdentities of(SlackOwnerMapping mapping, MethodsClient client, Clock clock,
                                     Supplier<String> ownerPhone) {
        return new SlackIdentities(mapping, mapping.workspaceAdmins()
                ? Optional.of(new SlackWorkspaceAdmins(client, clock)) : Optional.empty(), ownerPhone);
    }

    /** Every Slack user is unproven; nobody is the owner. */
    public static SlackIdentities unproven() {
        return new SlackIdentities(SlackOwnerMapping.NONE, Optional.empty(), () -> null);
    }

    /** The identity the dialog gets for {@code turn}. Blocking: may ask Slack's {@code users.info}. */
    public Identity of(SlackTurn turn) {
        String owner = ownerPhone.get();
        if (owner == null || owner.isBlank() || !mapping.any()) {
            return Identity.none();
        }
        boolean mapped = mapping.userIds().contains(turn.userId())
                || (mapping.workspaceAdmins() && admins.orElseThrow().isAdmin(turn.teamId(), turn.userId()));
        return mapped ? Identity.signedBy(owner, Identity.Proof.OWNER_ACCOUNT) : Identity.none();
    }
}
