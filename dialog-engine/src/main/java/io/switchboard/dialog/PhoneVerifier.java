package io.switchboard.dialog;

import io.switchboard.scheduling.identity.CodeCheck;
import io.switchboard.scheduling.identity.CodeIssue;
import io.switchboard.scheduling.identity.CodePurpose;

/**
 * Proves a phone number by a one-time code texted to it. The dialog engine asks for codes and checks them through
 * this interface only; issuing and texting are the adapters' (the SMS implementation lives with the text channels),
 * so the engine never sees a code it did not get typed back.
 */
public interface PhoneVerifier {

    /** Whether codes can be texted at all (SMS is configured). Without it no reply may promise a code. */
    boolean available();

    /**
     * Issues a code for {@code phone} and texts it. Blocking, but bounded: it waits a few seconds at most for the
     * provider to accept the text, so the reply can say only what is true.
     *
     * @param conversation the conversation asking (its storage key); only it may redeem the code
     * @param client       who asks, for the per-client limit
     */
    CodeDelivery send(String phone, CodePurpose purpose, String conversation, String client);

    /** Checks a typed code. Blocking. */
    CodeCheck check(String phone, CodePurpose purpose, String conversation, String typed);

    /** No SMS: nothing can be sent, so no code flow is offered. */
    static PhoneVerifier unavailable() {
        return Unavailable.INSTANCE;
    }

    /** What asking for a code led to, as far as the conversation may know. */
    sealed interface CodeDelivery {

        /** The provider accepted the text. */
        record Sent() implements CodeDelivery {
        }

        /** The text is on its way but not yet accepted (the provider is slow): the code may take a while. */
        record Pending() implements CodeDelivery {
        }

        /** No code was issued (a limit, a country not served). */
        record Refused(CodeIssue.Reason reason) implements CodeDelivery {
        }

        /** A code was issued but its text was refused or failed (an opted-out or unreachable number). */
        record NotDelivered() implements CodeDelivery {
        }
    }

    /** The verifier of a deployment without SMS. */
    enum Unavailable implements PhoneVerifier {
        INSTANCE;

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public CodeDelivery send(String phone, CodePurpose purpose, String conversation, String client) {
            throw new IllegalStateException("no SMS: one-time codes are not available");
        }

        @Override
        public CodeCheck check(String phone, CodePurpose purpose, String conversation, String typed) {
            return new CodeCheck.NoCode();
        }
    }
}
