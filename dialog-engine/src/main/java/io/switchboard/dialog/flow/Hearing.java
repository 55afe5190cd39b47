package io.switchboard.dialog.flow;

import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.knowledge.KnowledgeBase;
import io.switchboard.dialog.llm.LlmContext;
import io.switchboard.dialog.llm.LlmFallback;
import io.switchboard.dialog.llm.LlmInterpretation;
import io.switchboard.dialog.understanding.Hypotheses;
import io.switchboard.dialog.understanding.LanguageUnderstanding;
import io.switchboard.dialog.understanding.PhoneExtractor;
import io.switchboard.dialog.understanding.TimePreference;
import io.switchboard.dialog.understanding.Understanding;
import io.switchboard.dialog.understanding.UnderstandingContext;
import io.switchboard.models.BusinessProfile;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads a message: the rules first, in the light of what was asked last; then the knowledge layer (the on-box
 * embedding model) for what the rules left open; the LLM fallback only when neither is confident. Each later layer
 * only fills what the earlier ones left empty, and passes the same {@link BackoffCheck}.
 */
public final class Hearing {

    private final BusinessProfile profile;
    private final LanguageUnderstanding rules;
    private final Hypotheses hypotheses;
    private final LlmFallback llm;
    private final KnowledgeBase knowledgeBase;
    private final KnowledgeBackoff knowledge;
    private final BackoffCheck check;
    private final PhoneExtractor phones = new PhoneExtractor();

    /** With the process's on-box embedding model as the knowledge layer. */
    public Hearing(BusinessProfile profile, LlmFallback llm) {
        this(profile, KnowledgeBase.onBox(profile), llm);
    }

    public Hearing(BusinessProfile profile, KnowledgeBase knowledge, LlmFallback llm) {
        this.profile = profile;
        this.rules = new LanguageUnderstanding();
        this.hypotheses = new Hypotheses(rules);
        this.llm = llm;
        this.knowledgeBase = knowledge;
        this.knowledge = new KnowledgeBackoff(knowledge);
        this.check = new BackoffCheck(profile);
    }

    /** The profile this reads messages for. */
    public BusinessProfile profile() {
        return profile;
    }

    /** Loads the embedding model and embeds the profile, at start rather than on the first caller's turn. */
    public void warmUp() {
        knowledgeBase.warmUp();
    }

    public Heard hear(TurnRequest request, Conversation c, Clock clock) {
        if (request.dtmf()) {
            return keyed(request.text().replaceAll("[^0-9*#]", ""), c, clock);
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(profile.timezone());
        Heard heard = withoutLlm(request, c, now);
        if (!needsLlm(heard)) {
            return heard;
        }
        Optional<LlmInterpretation> guess = llm.interpret(heard.original(),
                LlmContext.forBusiness(profile, now, c.expecting.name()));
        return guess.map(g -> merge(heard, g, c)).orElse(heard);
    }

    /**
     * What {@link #hear} would read, when that needs no LLM; empty when it would ask the model (slow, and paid for,
     * so a speculative reply never does).
     */
    public Optional<Heard> hearWithoutLlm(TurnRequest request, Conversation c, Clock clock) {
        if (request.dtmf()) {
            return Optional.of(keyed(request.text().replaceAll("[^0-9*#]", ""), c, clock));
        }
        Heard heard = withoutLlm(request, c, ZonedDateTime.now(clock).withZoneSameInstant(profile.timezone()));
        return needsLlm(heard) ? Optional.empty() : Optional.of(heard);
    }

    /** The rules and the knowledge layer. */
    private Heard withoutLlm(TurnRequest request, Conversation c, ZonedDateTime now) {
        // A recogniser's other hypotheses count when its choice does not answer what was asked; typed text has none.
        Understanding u = hypotheses.understand(request.text(), request.alternatives(),
                new UnderstandingContext(now, profile, c.expecting, List.copyOf(c.offered)));
        return knowledge.refine(fromRules(u), c);
    }

    private boolean needsLlm(Heard heard) {
        return !heard.confident() && llm.enabled() && !heard.isBlank();
    }

    /**
     * Keypad digits read as the answer to what was asked, the other way in that the recovery policy offers on
     * voice: "press 1, 2 or 3" picks an offer, 1 and 2 are yes and no, a keyed number is a phone number, four digits
     * for a date are its day and month ("2411" is the 24th of November).
     */
    private Heard keyed(String keys, Conversation c, Clock clock) {
        String digits = keys.replaceAll("[*#]", "");
        switch (c.expecting.slot()) {
            case DATE_TIME -> {
                Optional<LocalDate> date = KeyedDate.parse(digits,
                        ZonedDateTime.now(clock).withZoneSameInstant(profile.timezone()).toLocalDate());
                if (date.isPresent()) {
                    return Heard.keyedDate(keys, date.get());
                }
            }
            case SLOT_CHOICE -> {
                if (digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) - '0' <= c.offered.size()) {
                    return Heard.keyed(keys, Intent.AFFIRM, digits.charAt(0) - '1', null);
                }
            }
            case YES_NO -> {
                if (digits.equals("1") || digits.equals("2")) {
                    return Heard.keyed(keys, digits.equals("1") ? Intent.AFFIRM : Intent.DENY, null, null);
                }
            }
            case PHONE -> {
                Optional<String> phone = phones.toE164(digits, profile.phoneRegion());
                if (phone.isPresent()) {
                    return Heard.keyed(keys, Intent.UNKNOWN, null, phone.get());
                }
            }
            default -> {
                // a PIN, or digits nothing asked for: the flows read them as they are
            }
        }
        return Heard.digitsOnly(keys);
    }

    private static Heard fromRules(Understanding u) {
        return new Heard(u.intent(), u.confident(), u.name().orElse(null), u.phone().orElse(null),
                u.address().orElse(null), u.service().orElse(null), u.times(), u.emergency(),
                u.digits().orElse(null), u.choice().isPresent() ? u.choice().getAsInt() : null,
                u.problem().orElse(null), u.faq().map(f -> f.answer()).orElse(null), u.text(), u.original(),
                u.correction(), u.earlier(), u.existing(), u.email().orElse(null), u.addressParts().orElse(null),
                ServiceScope.NONE);
    }

    /** Rules win where they found something; the model fills gaps. */
    private Heard merge(Heard h, LlmInterpretation g, Conversation c) {
        Intent intent = h.intent() == Intent.UNKNOWN ? check.intent(g.intent(), c.expecting) : h.intent();
        ServiceType service = h.service() != null ? h.service()
                : check.service(g.serviceId().orElse(null), c.serviceOptions).orElse(null);
        List<TimePreference> times = h.hasTimes() ? h.times()
                : g.date().isPresent() || g.time().isPresent()
                ? List.of(new TimePreference(g.date().orElse(null), g.time().orElse(null), null, null, null, false, false))
                : List.of();
        return new Heard(intent, true,
                h.name() != null ? h.name() : g.name().orElse(null),
                h.phone() != null ? h.phone() : g.phone().orElse(null),
                h.address() != null ? h.address() : g.address().orElse(null),
                service, times, h.emergency() || g.emergency(), h.digits(), h.choice(),
                h.problem() != null ? h.problem() : g.problem().orElse(null), h.faqAnswer(), h.text(), h.original(),
                h.correction(), h.earlier(), h.existing(), h.email(), h.addressParts(),
                service != null ? ServiceScope.NONE : h.scope());
    }
}
