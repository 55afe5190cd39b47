package io.switchboard.telephony.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodeIssue;
import io.switchboard.scheduling.identity.CodePolicy;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.identity.OneTimeCodes;
import io.switchboard.scheduling.testing.SchedulingFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real one-time codes (in PostgreSQL) "texted" into a map of what each phone received, so a Slack test reads the
 * code a phone would get without an SMS provider (the SMS path is tested with the text channels).
 */
final class TextedCodes implements PhoneVerifier {

    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    private final OneTimeCodes codes;

    TextedCodes(SchedulingFixture fixture) {
        this.codes = new OneTimeCodes(fixture.database().dsl(), fixture.scheduling().clock(),
                CodePolicy.forRegion("GB"));
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CodeDelivery send(String phone, CodePurpose purpose, String conversation, String client) {
        return switch (codes.issue(phone, purpose, conversation, client)) {
            case CodeIssue.Issued issued -> {
                sent.computeIfAbsent(phone, p -> new ArrayList<>()).add(issued.code());
                yield new CodeDelivery.Sent();
            }
            case CodeIssue.Refused refused -> new CodeDelivery.Refused(refused.reason());
        };
    }

    @Override
    public CodeCheck check(String phone, CodePurpose purpose, String conversation, String typed) {
        return codes.verify(phone, purpose, conversation, typed);
    }

    String lastCodeTo(String phone) {
        List<String> got = sent.getOrDefault(phone, List.of());
        assertThat(got).as("codes texted to " + phone).isNotEmpty();
        return got.getLast();
    }
}
