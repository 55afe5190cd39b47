package io.switchboard.dialog.conversations;

import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.Identity;
import io.switchboard.dialog.Receptionist;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.session.RedisSessionStore;
import io.switchboard.dialog.testing.RedisServerProcess;
import io.switchboard.dialog.testing.TextedCodes;
import io.switchboard.models.AppointmentStatus;
import io.switchboard.models.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number proved by one-time code lives in the conversation state: it survives the JSON round trip through Redis,
 * so a second instance over the same Redis and database carries on the change the first one verified. The codes
 * are the real ones in PostgreSQL; only the texting is replaced by a phone that keeps what it was sent.
 */
class CodeIdentityAcrossInstancesTest {

    private static final String CUSTOMER = "+447700900123";
    private static final String SESSION = "chat-web:visitor-1";

    private final CodeFlowFixture fixture = new CodeFlowFixture();
    private final RedisServerProcess redis = startRedis();
    private final TextedCodes phones = fixture.textedCodes();
    private final List<RedisSessionStore> stores = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        stores.forEach(RedisSessionStore::close);
        redis.close();
        fixture.close();
    }

    @Test
    void aSecondInstanceCarriesOnWithTheNumberTheFirstVerified() {
        UUID booking = fixture.book(CUSTOMER);
        Receptionist first = instance();
        Receptionist second = instance();

        say(first, "I need to cancel my appointment");
        TurnResult sent = say(second, "07700 900123"); // another instance already: the question was in Redis
        assertThat(sent.state()).as(fixture.transcript()).isEqualTo(DialogState.VERIFYING_PHONE);
        TurnResult proven = say(first, phones.lastCodeTo(CUSTOMER));
        assertThat(proven.reply()).as(fixture.transcript()).contains("checked").contains("10:00");
        TurnResult cancelled = say(second, "yes");

        assertThat(cancelled.state()).as(fixture.transcript()).isEqualTo(DialogState.CANCELLED);
        assertThat(fixture.status(booking)).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(phones.phonesTexted()).containsOnly(CUSTOMER);
    }

    @Test
    void theVerifiedIdentityIsStoredAsTheOneTimeCodeProof() {
        fixture.book(CUSTOMER);
        Receptionist engine = instance();
        say(engine, "cancel my booking");
        say(engine, "07700 900123");
        say(engine, phones.lastCodeTo(CUSTOMER));

        String stored = stores.getFirst().load(new io.switchboard.dialog.session.SessionKey(Channel.WEB, SESSION))
                .orElseThrow();
        assertThat(stored).contains("\"codeProvenPhone\":\"" + CUSTOMER + "\"");
        io.switchboard.dialog.flow.Conversation c;
        try {
            c = new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(stored, io.switchboard.dialog.flow.Conversation.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(c.codeIdentity()).isEqualTo(Identity.signedBy(CUSTOMER, Identity.Proof.ONE_TIME_CODE));
    }

    private Receptionist instance() {
        RedisSessionStore store = new RedisSessionStore(redis.url());
        stores.add(store);
        return fixture.receptionist(store, phones);
    }

    private TurnResult say(Receptionist engine, String text) {
        return fixture.turn(engine, TurnRequest.typed(Channel.WEB, SESSION, Identity.none(), text)
                .fromClient("203.0.113.9"));
    }

    private static RedisServerProcess startRedis() {
        try {
            return RedisServerProcess.start();
        } catch (Exception e) {
            throw new IllegalStateException("redis-server did not start", e);
        }
    }
}
