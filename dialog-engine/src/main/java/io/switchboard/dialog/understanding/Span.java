package io.switchboard.dialog.understanding;

/**
 * The stretch of normalized text ({@link NormalizedText#text()}) an extractor used for one reading, as character
 * offsets: {@code start} inclusive, {@code end} exclusive. Lets a resolver see which readings compete for the same
 * words ("flat four" as an address part or as a time) and keep a set that does not overlap.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** The span of the first occurrence of {@code part} in {@code text}, or {@code null} when it is not there. */
    static Span of(String text, String part) {
        if (text == null || part == null || part.isEmpty()) {
            return null;
        }
        int at = text.indexOf(part);
        return at < 0 ? null : new Span(at, at + part.length());
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return other != null && start < other.end && other.start < end;
    }

    /** The covered characters of {@code text}. */
    public String in(String text) {
        return text.substring(start, end);
    }
}
