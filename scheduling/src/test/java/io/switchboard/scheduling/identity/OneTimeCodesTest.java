package io.switchboard.scheduling.identity;

import io.switchboard.models.settings.SettingsSource;

import io.switchboard.scheduling.database.Database;
import io.switchboard.scheduling.testing.MutableClock;
import io.switchboard.scheduling.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of a one-time code, and the limits that keep the code flow from pumping SMS. */
class OneTimeCodesTest {

    private static final String NUMBER = "+447700900123";
    private static final String CHAT = "web:chat-web:abc";
    private static final String CLIENT = "203.0.113.9";
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final Database db = TestDatabase.freshSchema();
    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private final OneTimeCodes codes = new OneTimeCodes(db.dsl(), clock, CodePolicy.forRegion("GB"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCodeIsSixDigitsStoredOnlyAsASaltedHashAndWorksOnce() {
        String code = issue(NUMBER, CHAT, CLIENT);

        assertThat(code).matches("[0-9]{6}");
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("one_time_code").where("code_hash = ?", code)))
                .isZero();
        assertThat(db.dsl().fetchValue("SELECT string_agg(code_hash || code_salt, '') FROM one_time_code"))
                .asString().doesNotContain(code);
        assertThat(verify(code)).isEqualTo(new CodeCheck.Verified());
        assertThat(verify(code)).as("reuse is refused").isEqualTo(new CodeCheck.NoCode());
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String code = issue(NUMBER, CHAT, CLIENT);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        String second = issue(NUMBER, CHAT, CLIENT); // a fresh one, so the first check does not spend it
        clock.advance(Duration.ofMinutes(10));

        assertThat(verify(second)).isEqualTo(new CodeCheck.Expired());
        assertThat(verify(code)).as("replaced by the second").isNotEqualTo(new CodeCheck.Verified());
    }

    @Test
    void justBeforeTenMinutesTheCodeStillWorks() {
        String code = issue(NUMBER, CHAT, CLIENT);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(verify(code)).isEqualTo(new CodeCheck.Verified());
    }

    @Test
    void fiveWrongTriesSpendTheCodeEvenForTheRightOneAfterwards() {
        String code = issue(NUMBER, CHAT, CLIENT);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 1; left--) {
            assertThat(verify(wrong)).isEqualTo(new CodeCheck.Wrong(left));
        }
        assertThat(verify(wrong)).isEqualTo(new CodeCheck.TooManyTries());
        assertThat(verify(code)).isEqualTo(new CodeCheck.TooManyTries());
    }

    @Test
    void malformedInputCountsAsAWrongTry() {
        String code = issue(NUMBER, CHAT, CLIENT);

        assertThat(verify(code.substring(0, 5))).isEqualTo(new CodeCheck.Wrong(4));
        assertThat(verify("abc" + code)).isEqualTo(new CodeCheck.Wrong(3));
        assertThat(verify(code.substring(0, 3) + " " + code.substring(3))).isEqualTo(new CodeCheck.Verified());
    }

    @Test
    void aCodeWorksOnlyInTheConversationThatAskedAndForItsPurpose() {
        String code = issue(NUMBER, CHAT, CLIENT);

        assertThat(codes.verify(NUMBER, CodePurpose.CHANGE_BOOKING, "web:another-session", code))
                .isEqualTo(new CodeCheck.NoCode());
        assertThat(codes.verify(NUMBER, CodePurpose.OWNER_UNLOCK, CHAT, code)).isEqualTo(new CodeCheck.NoCode());
        assertThat(codes.verify("+447700900124", CodePurpose.CHANGE_BOOKING, CHAT, code))
                .isEqualTo(new CodeCheck.NoCode());
        assertThat(verify(code)).isEqualTo(new CodeCheck.Verified());
    }

    @Test
    void aNewCodeReplacesTheOneTheConversationWasWaitingOn() {
        String first = issue(NUMBER, CHAT, CLIENT);
        String second = issue(NUMBER, CHAT, CLIENT);

        if (!first.equals(second)) {
            assertThat(verify(first)).isEqualTo(new CodeCheck.Wrong(4));
        }
        assertThat(verify(second)).isEqualTo(new CodeCheck.Verified());
    }

    @Test
    void threeCodesAnHourPerNumberWhoeverAsks() {
        for (int i = 0; i < 3; i++) {
            issue(NUMBER, "web:s" + i, "198.51.100." + i);
        }

        assertThat(codes.issue(NUMBER, CodePurpose.CHANGE_BOOKING, "web:s9", "198.51.100.9"))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.NUMBER_LIMIT));
        clock.advance(Duration.ofMinutes(61));
        assertThat(codes.issue(NUMBER, CodePurpose.CHANGE_BOOKING, "web:s9", "198.51.100.9"))
                .isInstanceOf(CodeIssue.Issued.class);
    }

    @Test
    void fiveCodesAnHourPerClientWhateverTheNumbers() {
        for (int i = 0; i < 5; i++) {
            issue("+44770090020" + i, "web:s" + i, CLIENT);
        }

        assertThat(codes.issue("+447700900209", CodePurpose.CHANGE_BOOKING, "web:s9", CLIENT))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.CLIENT_LIMIT));
        assertThat(codes.issue("+447700900209", CodePurpose.CHANGE_BOOKING, "web:s9", "198.51.100.1"))
                .as("another client").isInstanceOf(CodeIssue.Issued.class);
    }

    @Test
    void codesGoOnlyToTheCountriesServed() {
        assertThat(codes.issue("+353851234567", CodePurpose.CHANGE_BOOKING, CHAT, CLIENT))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.COUNTRY_NOT_SERVED));
        assertThat(codes.issue("+882345678901", CodePurpose.CHANGE_BOOKING, CHAT, CLIENT))
                .as("an international premium network").isInstanceOf(CodeIssue.Refused.class);
        assertThat(codes.issue("07700 900123", CodePurpose.CHANGE_BOOKING, CHAT, CLIENT))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.NOT_A_NUMBER));
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("one_time_code"))).as("nothing stored").isZero();

        OneTimeCodes irishToo = new OneTimeCodes(db.dsl(), clock,
                CodeSettings.from(SettingsSource.of(Map.of(CodePolicy.COUNTRIES, "gb, IE"))).policy("GB"));
        assertThat(irishToo.issue("+353851234567", CodePurpose.CHANGE_BOOKING, CHAT, CLIENT))
                .isInstanceOf(CodeIssue.Issued.class);
    }

    @Test
    void theDailyCapStopsEveryCodeUntilADayHasPassed() {
        OneTimeCodes capped = new OneTimeCodes(db.dsl(), clock, CodePolicy.forRegion("GB").withDailyCap(4));
        for (int i = 0; i < 4; i++) {
            assertThat(capped.issue("+44770090030" + i, CodePurpose.CHANGE_BOOKING, "web:s" + i, "198.51.100." + i))
                    .isInstanceOf(CodeIssue.Issued.class);
            clock.advance(Duration.ofHours(2));
        }

        assertThat(capped.issue("+447700900309", CodePurpose.CHANGE_BOOKING, "web:s9", "198.51.100.9"))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.DAILY_CAP));
        clock.advance(Duration.ofHours(17)); // the first code is now over 24 hours old
        assertThat(capped.issue("+447700900309", CodePurpose.CHANGE_BOOKING, "web:s9", "198.51.100.9"))
                .isInstanceOf(CodeIssue.Issued.class);
    }

    @Test
    void aSecondServiceOnTheSameDatabaseSeesTheSameCodesAndLimits() {
        OneTimeCodes otherInstance = new OneTimeCodes(db.dsl(), clock, CodePolicy.forRegion("GB"));
        String code = issue(NUMBER, CHAT, CLIENT);

        assertThat(otherInstance.verify(NUMBER, CodePurpose.CHANGE_BOOKING, CHAT, code))
                .isEqualTo(new CodeCheck.Verified());
        issue(NUMBER, "web:s1", "198.51.100.1");
        issue(NUMBER, "web:s2", "198.51.100.2");
        assertThat(otherInstance.issue(NUMBER, CodePurpose.CHANGE_BOOKING, "web:s3", "198.51.100.3"))
                .isEqualTo(new CodeIssue.Refused(CodeIssue.Reason.NUMBER_LIMIT));
    }

    @Test
    void settingsAreCheckedAndNamed() {
        assertThat(CodeSettings.from(SettingsSource.of(Map.of())).policy("GB").countries()).isEqualTo(Set.of("GB"));
        assertThat(CodeSettings.from(SettingsSource.of(Map.of())).policy("GB").dailyCap()).isEqualTo(CodePolicy.DEFAULT_DAILY_CAP);
        assertThat(CodeSettings.from(SettingsSource.of(Map.of(CodePolicy.DAILY_CAP, "25"))).policy("GB").dailyCap()).isEqualTo(25);
        assertThatThrownBy(() -> CodeSettings.from(SettingsSource.of(Map.of(CodePolicy.COUNTRIES, "GB,Narnia"))).policy("GB"))
                .hasMessageContaining(CodePolicy.COUNTRIES).hasMessageContaining("Narnia");
        assertThatThrownBy(() -> CodeSettings.from(SettingsSource.of(Map.of(CodePolicy.DAILY_CAP, "0"))).policy("GB"))
                .hasMessageContaining(CodePolicy.DAILY_CAP).hasMessageContaining("1 to 100000");
    }

    @Test
    void theIssuedCodeNeverAppearsInItsToString() {
        CodeIssue.Issued issued = new CodeIssue.Issued("123456", START);

        assertThat(issued.toString()).doesNotContain("123456");
    }

    private String issue(String phone, String conversation, String client) {
        CodeIssue issue = codes.issue(phone, CodePurpose.CHANGE_BOOKING, conversation, client);
        assertThat(issue).isInstanceOf(CodeIssue.Issued.class);
        return ((CodeIssue.Issued) issue).code();
    }

    private CodeCheck verify(String typed) {
        return codes.verify(NUMBER, CodePurpose.CHANGE_BOOKING, CHAT, typed);
    }
}
