package io.switchboard.dialog.understanding;

import java.util.List;
import java.util.Set;

/**
 * Everyday words that are not a person's or a place's name: function words, answers, time words and the trade's
 * vocabulary. Names and addresses are told apart from the rest of a sentence with it.
 */
final class CommonWords {

    private static final Set<String> WORDS = Set.copyOf(List.of(
            // answers and fillers
            "yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "sure", "fine", "right", "alright",
            "um", "uh", "er", "erm", "hmm", "mm", "ah", "oh", "well", "so", "like", "just", "actually", "really",
            "please", "thanks", "thank", "cheers", "sorry", "hello", "hi", "hey", "hiya", "bye", "goodbye", "ta",
            "perfect", "great", "good", "lovely", "brilliant", "cool", "correct", "wrong", "maybe", "perhaps",
            "absolutely", "definitely", "course", "neither", "none", "either", "both", "not", "never", "nothing",
            // function words
            "i", "me", "my", "mine", "you", "your", "we", "us", "our", "they", "them", "their", "he", "she", "him",
            "it", "its", "this", "that", "these", "those", "there", "here", "the", "a", "an", "and", "or", "but",
            "if", "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "as", "into", "up", "down",
            "out", "off", "over", "under", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does",
            "did", "done", "have", "has", "had", "can", "cannot", "could", "would", "should", "shall", "might",
            "must", "what", "when", "where", "who", "why", "how", "which", "whatever", "whenever", "some", "any",
            "all", "every", "each", "more", "most", "much", "many", "very", "too", "also", "only", "still", "again",
            "then", "than", "now", "soon", "later", "already", "calling", "ringing", "phoning", "speaking",
            "looking", "wondering", "hoping", "trying", "wanting", "needing", "going", "got", "get", "need",
            "want", "know", "think", "idea", "unsure", "call", "ring", "phone", "number", "name", "called", "says",
            "someone", "somebody", "anyone", "anybody", "nobody", "person", "human", "people", "guy", "mate",
            "love", "sir", "madam", "customer", "owner", "because", "since", "until", "after", "before", "while",
            "via", "same", "other", "another", "new", "old", "last", "first", "second", "next", "one", "two",
            "three", "four", "five", "six", "seven", "eight", "nine", "ten", "thing", "things", "way", "lot",
            "bit", "little", "big", "small", "quick", "quickly", "urgent", "urgently", "asap", "again", "back",
            "tell", "said", "say", "see", "look", "help", "come", "send", "make", "let", "lets", "give", "take",
            // time words
            "today", "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "night", "week",
            "weekend", "day", "days", "time", "noon", "midday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "pm", "anytime", "whenever", "available", "free", "earliest",
            "around", "roughly", "approximately", "ish", "between", "till", "til", "latest", "sometime",
            // the trade
            "plumber", "plumbing", "engineer", "leak", "leaking", "leaky", "drip", "dripping", "drain", "drains",
            "blocked", "blockage", "clogged", "boiler", "boilers", "heater", "heating", "water", "hot", "cold",
            "pipe", "pipes", "burst", "flood", "flooded", "flooding", "toilet", "loo", "sink", "tap", "taps",
            "shower", "bath", "radiator", "gas", "smell", "sewage", "emergency", "broken", "working", "problem",
            "issue", "fix", "repair", "install", "installation", "service", "appointment", "booking", "book",
            "cancel", "reschedule", "quote", "price", "cost", "job", "visit", "address", "postcode", "street",
            "road", "flat", "house", "kitchen", "bathroom", "upstairs", "downstairs", "tankless", "combi"));

    private CommonWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
