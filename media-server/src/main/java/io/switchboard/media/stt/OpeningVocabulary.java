package io.switchboard.media.stt;

import io.switchboard.dialog.knowledge.KnowledgeBase;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.ServiceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words an opening sentence ("how can I help?", "anything else?") is made of, for the grammar pass: what the
 * business does (its services and their synonyms), the work callers of small service businesses ask for (the
 * knowledge base's work catalogue, done here or not), what they want done with a visit (book, move, cancel, speak to
 * someone), days and times, courtesy words and goodbyes, and the everyday words that carry them. Vosk joins the
 * phrases of a grammar freely, so a sentence is heard when every word of it is here; a word that is not comes back as
 * {@code [unk]} and the grammar result is refused, leaving the open pass's result standing.
 *
 * <p>Nothing here is taken from a test's caller lines: the lists are the trade's and English's common words.
 */
final class OpeningVocabulary {

    /** What callers want done, and how they say they want it. */
    private static final List<String> REQUESTS = List.of("i need", "i'd like", "i would like", "i want",
            "i was wondering", "i'm calling about", "i'm ringing about", "can i", "could i", "can you", "could you",
            "can someone", "could someone", "would you", "is it possible to", "book", "to book", "booking",
            "a booking", "my booking", "book in", "a visit", "visit", "an appointment", "appointment",
            "my appointment", "appointments", "a job", "move", "change", "reschedule", "rearrange", "cancel",
            "put off", "postpone", "a different day", "another day", "another time", "a different time",
            "speak to someone", "speak to a person", "talk to someone", "speak to the owner", "a human",
            "a real person", "someone", "somebody", "come", "come out", "come round", "come and", "have a look",
            "look at", "send someone", "fix", "sort out", "repair", "replace", "install", "fitted", "quote",
            "a quote", "how much", "price", "cost", "open", "opening hours", "emergency", "urgent", "urgently",
            "as soon as possible", "right away", "straight away");

    /**
     * The things and faults of the trade: a sentence with one of them in it is about work, even when the dialog's
     * rules cannot yet tell which service ("the toilet keeps running" is read by its knowledge base).
     */
    private static final Set<String> TRADE = Set.of("leak", "leaking", "leaks", "leaky", "drip", "dripping",
            "drips", "burst", "blocked", "clogged", "overflowing", "flooding", "flooded", "toilet", "loo", "sink",
            "tap", "taps", "pipe", "pipes", "drain", "drains", "shower", "bath", "radiator", "radiators", "boiler",
            "heating", "heater", "cistern", "flush", "valve", "plumber", "plumbing");

    /** What goes wrong in a home, beyond the services' own names. */
    private static final List<String> PROBLEMS = List.of("leak", "leaking", "leaks", "leaky", "drip", "dripping",
            "drips", "running", "keeps", "keeps running", "won't", "won't stop", "won't flush", "doesn't",
            "isn't", "not working", "stopped working", "broken", "broke", "burst", "blocked", "clogged",
            "overflowing", "flooding", "flooded", "noise", "noisy", "banging", "smell", "smells", "cold", "hot",
            "no hot water", "water", "toilet", "loo", "sink", "tap", "taps", "pipe", "pipes", "drain", "drains",
            "shower", "bath", "kitchen", "bathroom", "radiator", "radiators", "boiler", "heating", "heater",
            "water heater", "cistern", "flush", "valve", "washer", "plumber", "plumbing", "leaking pipe",
            "under the sink", "in the kitchen", "in the bathroom", "upstairs", "downstairs", "ceiling", "floor",
            "wall", "gas", "engineer");

    /** Days and times an opening may carry ("…on friday morning"). */
    private static final List<String> WHEN = List.of("today", "tomorrow", "tonight", "this", "next", "week",
            "this week", "next week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "morning", "afternoon", "evening", "in the morning", "in the afternoon", "at", "on", "o'clock",
            "half past", "thirty", "a m", "p m", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "the earliest", "earliest", "soon", "later", "day");

    /** Courtesy, answers and goodbyes. */
    private static final List<String> COURTESY = List.of("hello", "hi", "good morning", "good afternoon",
            "please", "thanks", "thank you", "yes", "yeah", "yes please", "no", "no thanks", "no thank you",
            "okay", "that's all", "that's it", "that's everything", "nothing else", "goodbye", "bye", "bye bye",
            "cheers", "sorry");

    /** The words every sentence is held together with. */
    private static final List<String> CARRIERS = List.of("i", "i'm", "i've", "it", "it's", "is", "are", "was",
            "has", "have", "been", "my", "me", "we", "we've", "our", "you", "your", "the", "a", "an", "and", "or",
            "but", "to", "for", "of", "in", "with", "there", "there's", "that", "this", "so", "just", "about",
            "all", "up", "out", "off", "down", "again", "still", "really", "very", "please", "do", "does", "did",
            "get", "got", "need", "want", "like", "would", "could", "can", "will", "not", "any", "some", "well",
            "um", "er", "oh");

    private OpeningVocabulary() {
    }

    /** The grammar's phrases for {@code profile}, lower case, letters only; unknown words are dropped later. */
    static List<String> phrases(BusinessProfile profile) {
        Set<String> out = new LinkedHashSet<>(REQUESTS);
        for (ServiceType service : profile.services()) {
            List<String> names = new ArrayList<>(List.of(service.name()));
            names.addAll(service.synonyms());
            names.forEach(name -> out.add(spoken(name)));
        }
        // Whole phrases only: the catalogue's single words ("advice", "lights") would let the grammar hear them in
        // any noise, e.g. "no thank you advice" for a slow "no thank you goodbye".
        KnowledgeBase.workVocabulary().forEach(work -> out.add(spoken(work)));
        out.addAll(TRADE);
        out.addAll(PROBLEMS);
        out.addAll(WHEN);
        out.addAll(COURTESY);
        out.addAll(CARRIERS);
        out.remove("");
        return List.copyOf(out);
    }

    /** Whether {@code heard} names a thing or fault of the trade. */
    static boolean namesTheTrade(String heard) {
        for (String word : heard.split(" ")) {
            if (TRADE.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String spoken(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().replaceAll(" +", " ");
    }
}
