package io.switchboard.dialog.understanding;

/**
 * A deliberately small English suffix stripper so "blocked"/"blocks"/"blocking", "pipes"/"pipe", "flooded"/"flooding"
 * and "installation"/"install" compare equal. Both sides of every comparison go through it, so consistency matters
 * more than linguistic accuracy.
 */
final class WordStemmer {

    private WordStemmer() {
    }

    static String stem(String word) {
        String w = word;
        if (w.length() > 7 && w.endsWith("ations")) {
            w = w.substring(0, w.length() - 6);
        } else if (w.length() > 6 && w.endsWith("ation")) {
            w = w.substring(0, w.length() - 5);
        } else if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes")
                || w.endsWith("xes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undouble(w.substring(0, w.length() - 2));
        }
        if (w.length() > 4 && w.endsWith("y") && !isVowel(w.charAt(w.length() - 2))) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** "dripp" to "drip", "clogg" to "clog"; "fill" and "pass" keep their double letter. */
    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1))
                && "lsz".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
