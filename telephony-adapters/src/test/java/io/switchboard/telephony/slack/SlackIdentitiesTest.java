package io.switchboard.telephony.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.dialog.Identity;
import io.switchboard.models.settings.SettingsSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a Slack user is to the dialog, with {@code SLACK_OWNER_USER_IDS}; no network (admins off). */
class SlackIdentitiesTest {

    private static final String OWNER = "+447700900999";

    @Test
    void aNamedUserIsTheOwnersAccountAndEveryoneElseIsUnproven() {
        SlackIdentities ids = new SlackIdentities(SlackOwnerMapping.from(SettingsSource.of(
                Map.of(SlackOwnerMapping.OWNER_USER_IDS, " U0OWNER1 , W0GRID2"))), Optional.empty(), () -> OWNER);

        assertThat(ids.of(turn("U0OWNER1"))).isEqualTo(Identity.signedBy(OWNER, Identity.Proof.OWNER_ACCOUNT));
        assertThat(ids.of(turn("W0GRID2")).proof()).isEqualTo(Identity.Proof.OWNER_ACCOUNT);
        assertThat(ids.of(turn("U0SOMEONE"))).isEqualTo(Identity.none());
        assertThat(SlackIdentities.unproven().of(turn("U0OWNER1"))).isEqualTo(Identity.none());
    }

    @Test
    void aProfileWithoutAnOwnerNumberMapsNobody() {
        SlackIdentities ids = new SlackIdentities(new SlackOwnerMapping(Set.of("U0OWNER1"), false), Optional.empty(),
                () -> "");

        assertThat(ids.of(turn("U0OWNER1"))).isEqualTo(Identity.none());
    }

    @Test
    void unusableSettingsAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> SlackOwnerMapping.from(SettingsSource.of(Map.of(SlackOwnerMapping.OWNER_USER_IDS,
                "alice@example.com")))).hasMessageContaining(SlackOwnerMapping.OWNER_USER_IDS);
        assertThatThrownBy(() -> SlackOwnerMapping.from(SettingsSource.of(Map.of(SlackOwnerMapping.OWNER_ADMINS, "yes"))))
                .hasMessageContaining(SlackOwnerMapping.OWNER_ADMINS);
        assertThat(SlackOwnerMapping.from(SettingsSource.of(Map.of())).any()).isFalse();
        assertThat(SlackSettings.from(SettingsSource.of(Map.of(SlackSettings.BOT_TOKEN, "xoxb-1", SlackSettings.SIGNING_SECRET,
                "s", SlackOwnerMapping.OWNER_ADMINS, "true"))).orElseThrow().owners().workspaceAdmins()).isTrue();
    }

    private static SlackTurn turn(String user) {
        return new SlackTurn("Ev1", "T1", user, "D1", "hello");
    }
}
