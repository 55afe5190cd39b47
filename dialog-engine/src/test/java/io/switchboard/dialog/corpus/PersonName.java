package io.switchboard.dialog.corpus;

import java.util.List;
import java.util.Locale;

/**
 * A caller's name as they type it and as speech-to-text hears it, and the stored forms that count as "kept
 * exactly": the name as given, or the same without a leading title (Mrs, Dr...). A name given all in lower case
 * (always so on voice) may be stored with capitals; otherwise every letter, apostrophe, hyphen and accent must stay.
 */
record PersonName(String typed, String heard, String title) {

    static PersonName plain(String name) {
        return new PersonName(name, name.toLowerCase(Locale.ROOT), "");
    }

    String said(boolean voice) {
        return voice ? heard : typed;
    }

    List<String> acceptedForms(boolean voice) {
        String given = said(voice);
        if (title.isEmpty()) {
            return List.of(given);
        }
        String[] words = given.split(" ", 2);
        return words.length < 2 ? List.of(given) : List.of(given, words[1]);
    }

    boolean matches(String stored, boolean voice) {
        if (stored == null) {
            return false;
        }
        String s = stored.strip().replaceAll("\\s+", " ");
        String given = said(voice);
        boolean lower = given.equals(given.toLowerCase(Locale.ROOT));
        for (String form : acceptedForms(voice)) {
            if (lower ? form.replace(".", "").equalsIgnoreCase(s.replace(".", "")) : form.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** The last word as given, used to check that a confirmation names the right person. */
    String lastWord(boolean voice) {
        String[] parts = said(voice).split(" ");
        return parts[parts.length - 1];
    }
}
