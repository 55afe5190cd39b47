package io.switchboard.dialog.corpus;

import io.switchboard.models.Channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a canonical sentence into how this caller writes or how speech-to-text hears them. Text between
 * {@link #keep} markers (names, addresses, emails, numbers) is left exactly as given.
 *
 * <p>Texters: lower case, shorthand ("tmrw", "pls", "2moro", "u"), common misspellings, dropped punctuation.
 * Voice: lower case, no punctuation, numbers as words, fillers ("um", "er").
 */
final class Styler {

    private static final char OPEN = '\u0001';
    private static final char CLOSE = '\u0002';
    private static final Pattern PROTECTED = Pattern.compile(OPEN + "(.*?)" + CLOSE);

    /** Shorthand UK texters use; one is picked at random. */
    private static final Map<String, List<String>> SHORTHAND = Map.ofEntries(
            Map.entry("tomorrow", List.of("tmrw", "2moro", "tmr", "tomoz")),
            Map.entry("please", List.of("pls", "plz", "pls")),
            Map.entry("you", List.of("u")),
            Map.entry("your", List.of("ur")),
            Map.entry("thanks", List.of("thx", "ta", "cheers", "thanks!")),
            Map.entry("appointment", List.of("appt")),
            Map.entry("before", List.of("b4")),
            Map.entry("okay", List.of("ok", "k", "okie")),
            Map.entry("great", List.of("gr8")),
            Map.entry("because", List.of("cos", "coz")),
            Map.entry("about", List.of("abt")),
            Map.entry("something", List.of("smth")),
            Map.entry("tonight", List.of("2nite")),
            Map.entry("are", List.of("r")),
            Map.entry("wednesday", List.of("weds", "wed")),
            Map.entry("thursday", List.of("thurs")),
            Map.entry("tuesday", List.of("tues")),
            Map.entry("friday", List.of("fri")),
            Map.entry("morning", List.of("morn", "am")),
            Map.entry("afternoon", List.of("pm", "arvo")));

    /** Misspellings seen in real texts. */
    private static final Map<String, List<String>> TYPOS = Map.ofEntries(
            Map.entry("tomorrow", List.of("tomorow", "tommorow", "tommorrow")),
            Map.entry("wednesday", List.of("wensday", "wednsday", "wedensday")),
            Map.entry("thursday", List.of("thurday", "thursdy")),
            Map.entry("appointment", List.of("apointment", "appointmnet")),
            Map.entry("address", List.of("adress", "addres")),
            Map.entry("please", List.of("plese", "pleae")),
            Map.entry("afternoon", List.of("afternon", "aftenoon")),
            Map.entry("morning", List.of("moring", "mornign")),
            Map.entry("available", List.of("availble", "avaliable")),
            Map.entry("booking", List.of("bookin", "boking")),
            Map.entry("friday", List.of("firday")),
            Map.entry("saturday", List.of("saturdy")),
            Map.entry("sometime", List.of("somtime")),
            Map.entry("cancel", List.of("cancle")));

    private static final List<String> SHORT_FILLERS = List.of("um", "er", "erm");
    private static final List<String> FILLERS = List.of("um", "er", "erm", "uh", "yeah", "so", "um yeah", "right so");

    private final Random rnd;
    private final Channel channel;
    /** Habits of this caller, fixed for the dialog. */
    private final boolean lowerCase;
    private final double shorthand;
    private final double typos;

    Styler(Random rnd, Channel channel) {
        this.rnd = rnd;
        this.channel = channel;
        boolean lazy = rnd.nextDouble() < 0.55;
        this.lowerCase = lazy || rnd.nextDouble() < 0.3;
        this.shorthand = channel == Channel.VOICE ? 0 : lazy ? 0.55 : 0.12;
        this.typos = channel == Channel.VOICE ? 0 : lazy ? 0.12 : 0.03;
    }

    static String keep(String value) {
        return OPEN + value + CLOSE;
    }

    boolean texterLowerCase() {
        return lowerCase;
    }

    String style(String canonical) {
        StringBuilder out = new StringBuilder();
        Matcher m = PROTECTED.matcher(canonical);
        int last = 0;
        while (m.find()) {
            out.append(free(canonical.substring(last, m.start())));
            out.append(m.group(1));
            last = m.end();
        }
        out.append(free(canonical.substring(last)));
        String s = out.toString().replaceAll("\\s+", " ").strip();
        if (channel == Channel.VOICE) {
            boolean shortAnswer = s.split(" ").length <= 3;
            if (rnd.nextDouble() < (shortAnswer ? 0.15 : 0.4)) {
                // a short answer gets a hesitation, not a "yeah so" run-in
                s = (shortAnswer ? SHORT_FILLERS.get(rnd.nextInt(SHORT_FILLERS.size()))
                        : FILLERS.get(rnd.nextInt(FILLERS.size()))) + " " + s;
            }
            return s;
        }
        if (lowerCase && rnd.nextDouble() < 0.5) {
            s = s.replaceAll("[.!]$", "");
        }
        return s;
    }

    private String free(String text) {
        if (text.isEmpty()) {
            return text;
        }
        if (channel == Channel.VOICE) {
            String s = text.toLowerCase(Locale.ROOT);
            s = spokenTimes(s);
            s = spokenOrdinals(s);
            s = s.replaceAll("[^\\p{L}\\p{N}' ]", " ");
            s = SpokenNumbers.inWords(s);
            if (rnd.nextDouble() < 0.15) {
                s = s.replaceFirst(" (and|but|so) ", " um $1 ");
            }
            return " " + s + " ";
        }
        StringBuilder b = new StringBuilder();
        Matcher w = Pattern.compile("[A-Za-z']+|[^A-Za-z']+").matcher(text);
        while (w.find()) {
            String word = w.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String out = lowerCase ? lower : word;
            boolean partOfDay = lower.equals("morning") || lower.equals("afternoon");
            boolean afterDay = b.toString().toLowerCase(Locale.ROOT)
                    .matches("(?s).*\\b(tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|the)\\s+$");
            if (SHORTHAND.containsKey(lower) && (!partOfDay || afterDay) && rnd.nextDouble() < shorthand) {
                List<String> alts = SHORTHAND.get(lower);
                out = alts.get(rnd.nextInt(alts.size()));
            } else if (TYPOS.containsKey(lower) && rnd.nextDouble() < typos) {
                List<String> alts = TYPOS.get(lower);
                out = alts.get(rnd.nextInt(alts.size()));
            }
            b.append(out);
        }
        return b.toString();
    }

    /** "the 3rd" → "the third", as a transcript writes an ordinal. */
    private static String spokenOrdinals(String s) {
        Matcher m = Pattern.compile("\\b(\\d{1,2})(st|nd|rd|th)\\b").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, SpokenNumbers.ordinal(Integer.parseInt(m.group(1))));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** "10am" → "ten a m", "2:30pm" → "two thirty p m", "10:00" → "ten o'clock", as a transcript would have them. */
    private static String spokenTimes(String s) {
        Matcher m = Pattern.compile("\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)\\b|\\b(\\d{1,2})[:.](\\d{2})\\b").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int h = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            String mm = m.group(1) != null ? m.group(2) : m.group(5);
            String mer = m.group(3);
            int h12 = h > 12 ? h - 12 : h;
            String words = SpokenNumbers.words(h12);
            if (mm != null && !mm.equals("00")) {
                words += " " + SpokenNumbers.words(Integer.parseInt(mm));
            }
            if (mer != null) {
                words += " " + (mer.equals("am") ? "a m" : "p m");
            } else if (mm != null && mm.equals("00")) {
                words += " o'clock";
            }
            m.appendReplacement(b, words);
        }
        m.appendTail(b);
        return b.toString();
    }
}
