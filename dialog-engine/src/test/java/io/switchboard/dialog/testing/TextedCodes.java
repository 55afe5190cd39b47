package io.switchboard.dialog.testing;

import io.switchboard.dialog.PhoneVerifier;
import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodeIssue;
import io.switchboard.scheduling.identity.CodePurpose;
import io.switchboard.scheduling.identity.OneTimeCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real one-time codes (in PostgreSQL), "texted" into a map of what each phone received: a dialog or channel test
 * sees exactly the codes a phone would get, without an SMS provider. The SMS path itself is tested with the text
 * channels.
 */
public final class TextedCodes implements PhoneVerifier {

    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();
    private final OneTimeCodes codes;

    public TextedCodes(OneTimeCodes codes) {
        this.codes = codes;
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

    /** The latest code texted to {@code phone}; fails the test when none was. */
    public String lastCodeTo(String phone) {
        List<String> got = sent.getOrDefault(phone, List.of());
        assertThat(got).as("codes texted to " + phone).isNotEmpty();
        return got.getLast();
    }

    /** How many codes {@code phone} was texted. */
    public int textsTo(String phone) {
        return sent.getOrDefault(phone, List.of()).size();
    }

    /** How many codes were texted, to anyone. */
    public int textsSent() {
        return sent.values().stream().mapToInt(List::size).sum();
    }

    /** Every phone that was texted a code. */
    public Set<String> phonesTexted() {
        return Set.copyOf(sent.keySet());
    }
}
