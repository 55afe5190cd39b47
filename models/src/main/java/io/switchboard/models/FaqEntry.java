package io.switchboard.models;

import java.util.List;
import java.util.Objects;

/**
 * A question the owner has answered once so the receptionist can answer it every time.
 *
 * @param topic    short name ({@code "area"})
 * @param keywords words that point at this entry ({@code "area"}, {@code "cover"}, {@code "postcode"})
 * @param answer   the answer as it should be given
 */
public record FaqEntry(String topic, List<String> keywords, String answer) {

    public FaqEntry {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(answer, "answer");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
