package io.switchboard.dialog.flow;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Answers general questions from the owner's FAQ entries: the entry whose keywords the question hits most. */
final class FaqAnswers {

    private final BusinessProfile profile;

    FaqAnswers(BusinessProfile profile) {
        this.profile = profile;
    }

    Optional<String> answer(String normalizedQuestion) {
        String q = " " + normalizedQuestion.toLowerCase(Locale.ROOT) + " ";
        FaqEntry best = null;
        int bestHits = 0;
        for (FaqEntry e : profile.faq()) {
            int hits = 0;
            for (String k : e.keywords()) {
                if (Pattern.compile("\\b" + Pattern.quote(k) + "\\b").matcher(q).find()) {
                    hits += k.contains(" ") ? 2 : 1;
                }
            }
            if (hits > bestHits) {
                best = e;
                bestHits = hits;
            }
        }
        return Optional.ofNullable(best).map(FaqEntry::answer);
    }
}
