package io.switchboard.scheduling.profile;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code SWITCHBOARD_BUSINESS} pointed at a file that is not a profile (a password file, a secrets file): the error
 * says what is wrong and where, never what the file holds, neither in the message nor in a kept cause.
 */
class ProfileErrorsRevealNothingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // /etc/shadow style
            "root:$6$s3cr3tSalt$Qm9vYmFyYmF6:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
            // a YAML syntax error on the first line
            "s3cr3tSalt: [unclosed\npassword: hunter2\n",
            "  s3cr3tSalt: one\n s3cr3tSalt2: two\n",
            // a mapping whose keys are not profile fields
            "\"s3cr3tSalt hunter2\": value\n",
            "{ s3cr3tSalt: 1, : }\n"})
    void aFileThatIsNotAProfileIsNotEchoed(String content, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("shadow");
        Files.writeString(file, content);

        ProfileException e = catchThrowableOfType(ProfileException.class, () -> new BusinessProfileLoader().load(file));

        assertThat(e).isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain("s3cr3t").doesNotContain("hunter2").doesNotContain("root:");
        }
    }
}
