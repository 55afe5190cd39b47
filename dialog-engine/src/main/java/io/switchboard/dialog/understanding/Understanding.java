package io.switchboard.dialog.understanding;

import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one turn said, as far as the rules could tell.
 * <p>
 * {@code intent} is what the turn does (opens a topic, answers yes/no, greets...). A turn that only answers the
 * question asked ("john smith" after "what's your name?") has intent {@link Intent#UNKNOWN} and carries the answer in
 * its slot. {@code confident} is true when the rules understood the turn: a confident intent, or a value for what
 * was asked; the LLM fallback is for turns where it is false. Picking an offered slot ("the second one") is
 * {@link Intent#AFFIRM} with {@code choice} set.
 *
 * @param intent     the turn's intent
 * @param confidence 0..1 for the intent
 * @param confident  whether the rules understood the turn (see above)
 * @param name       caller's name, title-cased
 * @param phone      a phone number in E.164
 * @param address    service address, tidied ("14 Gloucester Road, Bristol, BS7 8AE")
 * @param postcode   the postcode, upper case ({@code "BS7 8AE"})
 * @param problem    the caller's own words when they describe the problem
 * @param service    the business's service the turn is about
 * @param times      day/time preferences in the order given; alternatives are separate entries
 * @param emergency  the turn reports an emergency
 * @param digits     PIN digits, when a PIN was asked for or mentioned
 * @param choice     0-based index into the offered starts the caller picked
 * @param faq        the FAQ entry a {@link Intent#QUESTION} is about
 * @param text       the text after {@link TextNormalizer}
 * @param original   the text as received (capped at {@link TextNormalizer#MAX_INPUT_CHARS})
 * @param correction the turn corrects something said before ("no, ...", "actually ...", "... instead")
 * @param earlier    the turn asks for earlier options than those offered ("anything sooner?")
 * @param existing   when moving a booking, the day/time that names the existing appointment ("move my
 *                   appointment tomorrow to ..."); {@code times} then holds only the new wish
 * @param email      an email address the caller gave (never read as an address)
 * @param addressParts the address split into premises, street, locality and postcode, to merge across turns
 */
public record Understanding(Intent intent, double confidence, boolean confident, Optional<String> name,
                            Optional<String> phone, Optional<String> address, Optional<String> postcode,
                            Optional<String> problem, Optional<ServiceType> service, List<TimePreference> times,
                            boolean emergency, Optional<String> digits, OptionalInt choice, Optional<FaqEntry> faq,
                            String text, String original, boolean correction, boolean earlier,
                            List<TimePreference> existing, Optional<String> email,
                            Optional<AddressParts> addressParts) {

    public Understanding {
        Objects.requireNonNull(intent, "intent");
        name = name == null ? Optional.empty() : name;
        phone = phone == null ? Optional.empty() : phone;
        address = address == null ? Optional.empty() : address;
        postcode = postcode == null ? Optional.empty() : postcode;
        problem = problem == null ? Optional.empty() : problem;
        service = service == null ? Optional.empty() : service;
        times = times == null ? List.of() : List.copyOf(times);
        digits = digits == null ? Optional.empty() : digits;
        choice = choice == null ? OptionalInt.empty() : choice;
        faq = faq == null ? Optional.empty() : faq;
        text = text == null ? "" : text;
        original = original == null ? "" : original;
        existing = existing == null ? List.of() : List.copyOf(existing);
        email = email == null ? Optional.empty() : email;
        addressParts = addressParts == null ? Optional.empty() : addressParts;
    }

    /** Nothing understood. */
    public static Understanding unknown(String text, String original) {
        return new Understanding(Intent.UNKNOWN, 0, false, null, null, null, null, null, null, List.of(), false,
                null, null, null, text, original, false, false, List.of(), null, null);
    }

    /** The first (preferred) time preference, if any. */
    public Optional<TimePreference> firstTime() {
        return times.isEmpty() ? Optional.empty() : Optional.of(times.get(0));
    }

    @Override
    public String toString() {
        // Slots hold personal data; the string form, which ends up in logs, says only what was found.
        return "Understanding[intent=" + intent + ", confident=" + confident + ", name=" + name.isPresent()
                + ", phone=" + phone.isPresent() + ", address=" + address.isPresent() + ", service="
                + service.map(ServiceType::id).orElse(null) + ", times=" + times + ", emergency=" + emergency
                + ", digits=" + digits.isPresent() + ", choice=" + choice + "]";
    }
}
