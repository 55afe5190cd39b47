package io.switchboard.media.stt;

import io.switchboard.dialog.understanding.AnswerCheck;
import io.switchboard.dialog.understanding.AnswerVocabulary;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.BusinessProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns the dialog's expectation (the one contract for what the next answer should be) into what recognition listens
 * for: the dialog's own completeness rule ({@link AnswerCheck}) says whether a hypothesis fits, its
 * {@link AnswerVocabulary} gives the second pass's grammar; names and addresses, which no closed list holds, get the
 * words most of them are made of ({@link SpokenNameVocabulary}, {@link SpokenStreetVocabulary}) and go to the
 * transcriber. An address fits with a house number and street (or a postcode) rather than waiting for the postcode
 * the end-of-turn rule wants. An open question ("how can I help?", "anything else?") is checked against what the
 * dialog can act on, with the {@link OpeningVocabulary} as its grammar; a description of the problem takes the open
 * pass as heard.
 * Thread-safe; bare expectations are built once.
 */
public final class ExpectedSpeech implements Function<Expectation, ListeningFor> {

    /** Words said around a closed answer that change nothing about it. */
    private static final List<String> COURTESY = List.of("please", "thanks", "thank you", "yes", "yes please");
    /**
     * How a caller leads into a when ("can you come tomorrow at six o'clock"). Vosk's grammar takes any sequence of its
     * phrases, but a word outside them is [unk]: without these the lead-in was decoded as other listed words ("ten
     * you can tomorrow at six o'clock", its least certain word at 0.50) and the pass refused the line.
     */
    private static final List<String> WHEN_LEAD_INS = List.of("can you come", "could you come", "can someone come",
            "could someone come", "can you do", "could you do", "how about", "what about", "i would like", "i'd like");

    private final AnswerCheck check;
    private final BusinessProfile profile;
    private final ListeningFor opening;
    /**
     * Bare expectations' lists by the business's date they were built on: the "when?" grammar names the dates ahead
     * of it. Keyed by the date, not cleared when it moves on, so a list being built for yesterday as the date turns
     * is never handed out today.
     */
    private final Map<Built, ListeningFor> bare = new ConcurrentHashMap<>();

    private record Built(Expectation expecting, LocalDate day) {
    }

    public ExpectedSpeech(AnswerCheck check, BusinessProfile profile) {
        this.check = check;
        this.profile = profile;
        // An opening sentence is the caller's own words: the grammar can only vouch for the words it is sure of.
        this.opening = new ListeningFor("OPENING",
                text -> check.actsOn(text) || OpeningVocabulary.namesTheTrade(text),
                OpeningVocabulary.phrases(profile), false, false, true);
    }

    @Override
    public ListeningFor apply(Expectation expecting) {
        if (expecting == null || expecting.is(Expectation.Slot.NONE)) {
            return opening;
        }
        if (expecting.is(Expectation.Slot.PROBLEM)) {
            return ListeningFor.ANYTHING;
        }
        // Offers change from question to question; everything else is the same list every time it is asked that day.
        LocalDate today = check.today();
        if (!expecting.offers().isEmpty()) {
            return build(expecting, today);
        }
        Built key = new Built(expecting, today);
        ListeningFor built = bare.get(key);
        if (built == null) {
            bare.keySet().removeIf(k -> !k.day().equals(today));
            built = bare.computeIfAbsent(key, k -> build(k.expecting(), k.day()));
        }
        return built;
    }

    private ListeningFor build(Expectation expecting, LocalDate today) {
        List<String> grammar = new ArrayList<>(AnswerVocabulary.phrases(expecting, profile));
        boolean name = expecting.is(Expectation.Slot.NAME);
        boolean address = expecting.is(Expectation.Slot.ADDRESS);
        if (name) {
            grammar.addAll(SpokenNameVocabulary.phrases());
        } else if (address) {
            grammar.addAll(SpokenStreetVocabulary.phrases());
        } else if (!grammar.isEmpty() && !expecting.is(Expectation.Slot.YES_NO)) {
            // "friday morning please": a word outside the grammar is [unk], which refuses the whole result
            grammar.addAll(COURTESY);
        }
        if (expecting.is(Expectation.Slot.DATE_TIME) || expecting.is(Expectation.Slot.SLOT_CHOICE)) {
            grammar.addAll(WHEN_LEAD_INS);
        }
        if (expecting.is(Expectation.Slot.DATE_TIME)) {
            grammar.addAll(SpokenDateVocabulary.phrases(today, profile.rules().bookingHorizon().toDays()));
        }
        boolean transcribe = name || address;
        // Names, streets and digit strings are misheard as other names, streets and digit strings ("seven male road"):
        // a fitting hypothesis proves nothing.
        boolean grammarFirst = name || address || expecting.is(Expectation.Slot.PIN)
                || expecting.is(Expectation.Slot.PHONE);
        // An address fits with its house number and street: the postcode the dialog waits for is often not said.
        Predicate<String> fits = address ? check::namesAnAddress
                : text -> check.answers(expecting, text);
        return new ListeningFor(expecting.name(), fits, grammar, transcribe, grammarFirst);
    }
}
