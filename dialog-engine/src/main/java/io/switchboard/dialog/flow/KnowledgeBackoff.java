package io.switchboard.dialog.flow;

import io.switchboard.dialog.knowledge.KnowledgeBase;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.dialog.understanding.ServiceChoice;
import io.switchboard.dialog.understanding.ServiceMatcher;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The second layer: reads by meaning what the rules left open, and only that. A service the rules found in the
 * business's own words stands; an FAQ entry the keywords found stands; a confident intent stands. The layer runs
 * only on the turns where it can change something, so most turns never embed anything.
 * <ul>
 *   <li>answering "is that X or Y?": which of the two options (the rules among the two, then meaning);</li>
 *   <li>a request with no service, or one named only by everyday words ("fix"), or two tied: the problem
 *       description picks the service, or gives two options to ask between, or is work the business does not do;</li>
 *   <li>a question with no FAQ keyword: the FAQ entry it means;</li>
 *   <li>a turn the rules could not read at all: booking, a person, or goodbye, from example sentences.</li>
 * </ul>
 */
final class KnowledgeBackoff {

    /** A question in so many words, which a booking phrase inside it ("come out") does not turn into a request. */
    private static final Pattern WH_QUESTION = Pattern.compile("^(?:(?:hi|hello|hiya|hey|morning|afternoon)"
            + "(?: there)? )?(?:quick question )?(?:so |and |also |just |um |er |erm )?(?:what|when"
            + "|where|how|which|who|why|do you|does|are you|is it|is there|can i|could i|will you|would you)\\b");

    private final KnowledgeBase knowledge;
    private final BackoffCheck check;
    private final ServiceChoice choice = new ServiceChoice();

    KnowledgeBackoff(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        this.check = new BackoffCheck(knowledge.profile());
    }

    Heard refine(Heard h, Conversation c) {
        if (!knowledge.enabled() || h.isBlank() || h.emergency() || h.text().isBlank()) {
            return h;
        }
        Expectation asked = c.expecting;
        if (asked.is(Expectation.Slot.SERVICE) && !c.serviceOptions.isEmpty()) {
            return between(h, c);
        }
        boolean opening = c.serviceId == null && (asked.is(Expectation.Slot.NONE) || asked.is(Expectation.Slot.SERVICE));
        boolean request = h.is(Intent.BOOK) || h.is(Intent.QUESTION) || h.is(Intent.UNKNOWN) || h.is(Intent.GREETING);
        if (opening && request && c.topic != Intent.CANCEL && c.topic != Intent.RESCHEDULE) {
            Heard read = service(h, asked);
            if (read != h) {
                return read;
            }
        }
        if (h.faqAnswer() != null && h.is(Intent.QUESTION)) {
            Optional<FaqEntry> byKeywords = knowledge.profile().faq().stream()
                    .filter(e -> e.answer().equals(h.faqAnswer())).findFirst();
            if (byKeywords.isPresent()) {
                FaqEntry meant = knowledge.recheck(h.text(), byKeywords.get());
                if (meant != byKeywords.get()) {
                    return h.with(Intent.QUESTION, true, h.service(), meant.answer(), h.scope());
                }
            }
        }
        if (h.faqAnswer() == null && asksSomething(h) && !h.hasTimes() && h.name() == null && h.phone() == null
                && h.address() == null && (h.is(Intent.QUESTION) || h.is(Intent.UNKNOWN) || h.is(Intent.GREETING)
                || (h.is(Intent.BOOK) && whQuestion(h)))) {
            Optional<FaqEntry> entry = knowledge.faq(h.text());
            if (entry.isPresent()) {
                return h.with(Intent.QUESTION, true, h.service(), entry.get().answer(), h.scope());
            }
        }
        if (!h.confident() && h.is(Intent.UNKNOWN) && asked.is(Expectation.Slot.NONE)) {
            Optional<Intent> intent = knowledge.intent(h.text()).map(i -> check.intent(i, asked))
                    .filter(i -> i != Intent.UNKNOWN);
            if (intent.isPresent()) {
                return h.with(intent.get(), true, h.service(), h.faqAnswer(), h.scope());
            }
        }
        return h;
    }

    /** The answer to "is that X or Y?": one of the two, by the rules among the two, then by meaning. */
    private Heard between(Heard h, Conversation c) {
        List<ServiceType> options = c.serviceOptions.stream()
                .map(id -> check.service(id, c.serviceOptions)).flatMap(Optional::stream).toList();
        if (h.service() != null && c.serviceOptions.contains(h.service().id())) {
            return h;
        }
        Optional<ServiceType> pick = choice.choose(h.text(), options);
        if (pick.isEmpty() && options.size() >= 2) {
            pick = knowledge.choose(h.text(), options).flatMap(s -> check.service(s.id(), c.serviceOptions));
        }
        return pick.map(s -> h.with(h.is(Intent.UNKNOWN) ? Intent.BOOK : h.intent(), true, s, h.faqAnswer(),
                ServiceScope.NONE)).orElse(h);
    }

    /** The service a request needs when the rules did not name one in the business's own words. */
    private Heard service(Heard h, Expectation asked) {
        ServiceMatcher rules = ServiceMatcher.of(knowledge.profile().services());
        boolean everyday = h.service() != null && rules.matchedOnlyByEverydayWords(h.text());
        List<ServiceType> tied = h.service() == null ? rules.tied(h.text()) : List.of();
        if (h.service() != null && !everyday) {
            return h;
        }
        boolean describesWork = h.service() != null || !tied.isEmpty() || h.is(Intent.BOOK)
                || asked.is(Expectation.Slot.SERVICE) || h.is(Intent.QUESTION) || h.is(Intent.UNKNOWN);
        if (!describesWork || h.text().split(" ").length < 2 && tied.isEmpty() && h.service() == null
                && !asked.is(Expectation.Slot.SERVICE)) {
            return h; // "hi", "yes": nothing to read a service from
        }
        KnowledgeBase.ServiceReading r = knowledge.service(h.text(), knowledge.profile().services(), true);
        Intent asRequest = h.is(Intent.UNKNOWN) || h.is(Intent.GREETING) ? Intent.BOOK : h.intent();
        return switch (r) {
            case KnowledgeBase.ServiceReading.Outside o -> h.with(h.intent(), true, null, h.faqAnswer(),
                    ServiceScope.outsideScope());
            case KnowledgeBase.ServiceReading.One one -> check.service(one.service().id(), List.of())
                    .filter(s -> !s.emergency()) // urgency is the emergency rules' call, not a similarity's
                    .map(s -> h.with(asRequest, true, s, h.faqAnswer(), ServiceScope.NONE)).orElse(h);
            case KnowledgeBase.ServiceReading.Either e -> h.with(asRequest, true, null, h.faqAnswer(),
                    ServiceScope.either(e.options()));
            case KnowledgeBase.ServiceReading.Unsure u -> tied.size() > 1
                    ? h.with(asRequest, true, null, h.faqAnswer(), ServiceScope.either(tied.subList(0, 2))) : h;
        };
    }

    private static boolean asksSomething(Heard h) {
        return h.original().contains("?") || whQuestion(h);
    }

    private static boolean whQuestion(Heard h) {
        return WH_QUESTION.matcher(h.text()).find();
    }
}
