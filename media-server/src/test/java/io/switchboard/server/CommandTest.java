package io.switchboard.server;

import io.switchboard.models.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {

    @Test
    void noArgumentsServes() {
        assertThat(Command.parse(new String[0]).name()).isEqualTo(Command.Name.SERVE);
        assertThat(Command.parse(new String[] {"serve"}).name()).isEqualTo(Command.Name.SERVE);
        assertThat(Command.parse(new String[] {"profile"}).name()).isEqualTo(Command.Name.PROFILE);
    }

    @Test
    void chatTakesAChannelAndACallerId() {
        Command plain = Command.parse(new String[] {"chat"});
        assertThat(plain.channel()).isEqualTo(Channel.WEB);
        assertThat(plain.from()).isNull();

        Command voice = Command.parse(new String[] {"chat", "--from", "+447700900123", "--channel", "voice"});
        assertThat(voice.name()).isEqualTo(Command.Name.CHAT);
        assertThat(voice.channel()).isEqualTo(Channel.VOICE);
        assertThat(voice.from()).isEqualTo("+447700900123");
    }

    @Test
    void backupAndRestoreTakeTheFile() {
        Command backup = Command.parse(new String[] {"backup", "nightly.backup"});
        assertThat(backup.name()).isEqualTo(Command.Name.BACKUP);
        assertThat(backup.file()).isEqualTo(java.nio.file.Path.of("nightly.backup"));
        assertThat(Command.parse(new String[] {"restore", "/tmp/b"}).name()).isEqualTo(Command.Name.RESTORE);

        assertThatThrownBy(() -> Command.parse(new String[] {"backup"})).hasMessageContaining("needs one argument");
        assertThatThrownBy(() -> Command.parse(new String[] {"restore", "a", "b"}))
                .hasMessageContaining("needs one argument");
        assertThatThrownBy(() -> Command.parse(new String[] {"backup", "--to"})).hasMessageContaining("the backup file");
    }

    @Test
    void badArgumentsAreExplained() {
        assertThatThrownBy(() -> Command.parse(new String[] {"dance"})).hasMessageContaining("unknown command 'dance'");
        assertThatThrownBy(() -> Command.parse(new String[] {"chat", "--channel", "fax"}))
                .hasMessageContaining("--channel must be");
        assertThatThrownBy(() -> Command.parse(new String[] {"chat", "--from"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Command.parse(new String[] {"chat", "--colour", "red"}))
                .hasMessageContaining("unknown option '--colour'");
        assertThatThrownBy(() -> Command.parse(new String[] {"serve", "--port", "1"}))
                .hasMessageContaining("takes no options");
    }
}
