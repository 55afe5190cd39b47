package io.switchboard.dialog.understanding;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a turn's intent by ordered phrase rules over normalized text. Topic switches win over answers (asking
 * for a person, the owner's briefing, cancel, reschedule, an emergency, an FAQ question), except that right after a
 * yes/no question or an offer of slots a leading "yes"/"no" is read as the answer ("yes book it" is AFFIRM there).
 * A greeting in front of a request is skipped ("hi, I need to book" is BOOK). A turn that only names a problem the
 * business fixes ("my drain's blocked") is BOOK with moderate confidence.
 */
public final class IntentClassifier {

    /** At or above this confidence the rules are trusted; below it the LLM fallback may be asked. */
    public static final double CONFIDENT = 0.6;

    private static final Pattern HUMAN = Pattern.compile("\\b(?:speak|talk|chat) (?:to|with) (?:a |an |the |some |your )?"
            + "(?:real |actual |live )?(?:person|human|someone|somebody|people|man|woman|operator|receptionist|manager"
            + "|owner|boss|plumber|engineer|staff|agent|member of staff|guy|anyone|anybody)\\b"
            + "|\\b(?:real|actual|live) (?:person|human)\\b|\\bhuman being\\b"
            + "|\\b(?:put|transfer|connect) me (?:through|to|over)\\b|\\boperator\\b"
            + "|\\bnot (?:a |talking to a )(?:robot|machine|bot)\\b");
    private static final Pattern OWNER_BRIEFING = Pattern.compile(
            "\\bwhat is on (?:my|the) (?:schedule|diary|calendar|agenda|books?|list)\\b"
            + "|\\bmy (?:schedule|diary|calendar|agenda|rota)\\b"
            + "|\\bany emergencies\\b|\\bany emergency (?:jobs|calls|call outs) \\b"
            + "|\\b(?:read|tell|give) me (?:my|the) (?:first |next |last |1st )?(?:appointment|appointments|job|jobs"
            + "|booking|bookings)\\b"
            + "|\\bhow many (?:jobs|appointments|bookings)\\b"
            + "|\\bwhat (?:jobs|appointments|bookings) (?:do i|have i|have we|do we|are there|are booked)\\b"
            + "|\\bwhat have (?:i|we) got\\b|\\bbriefing\\b|\\bwho is booked\\b"
            + "|\\bwhat is on (?:today|tomorrow|this|on|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
            + "|\\bmy (?:first|next|last) (?:appointment|job|booking) (?:for|on|today|tomorrow)\\b");
    private static final Pattern CANCEL = Pattern.compile("\\bcancel(?:l?ed|l?ing|lation)?\\b"
            + "|\\bcall (?:it |the appointment |the job |the visit )?off\\b"
            + "|\\bdo not need (?:it |the appointment |the booking |you |the plumber |anyone |someone |somebody "
            + "|the visit )?any ?more\\b|\\bno longer need\\b|\\bscrap (?:it|the|my)\\b");
    private static final Pattern CANCEL_NEGATED = Pattern.compile("\\b(?:do not|not|never|without) (?:want to )?cancel");
    private static final Pattern RESCHEDULE = Pattern.compile("\\bre ?schedul\\w*|\\brearrang\\w*|\\bpostpon\\w*"
            + "|\\brebook\\w*|\\bre book\\b"
            + "|\\b(?:move|change|switch|shift|amend|push|bring) (?:my |the |our |that |this |it |me )?"
            + "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|\\d{1,2}(?::\\d{2})?"
            + "(?: am| pm)?|first|second|next|other) )?(?:appointment|booking|visit|slot|time|day|date|job)s?\\b"
            // a word or two between the verb and "appointment": "move night appointments" is a recogniser's "move my"
            + "|\\b(?:move|change|reschedule) (?:\\w+ ){1,2}(?:appointment|booking)s?\\b"
            + "|\\b(?:move|push|put|bring|change|switch) (?:it|that|this|me) (?:back|forward|to|until|later|earlier)\\b"
            + "|\\b(?:different|another|other) (?:day|time|date)\\b"
            // a reply to a reminder: "can we move it?", "I need to shift it"
            + "|\\b(?:can|could|may) (?:we|i|you) (?:please )?(?:move|shift) (?:it|that|this)\\b"
            + "|\\b(?:need|want|have) to (?:move|shift) (?:it|that|this)\\b");
    private static final Pattern INSTEAD = Pattern.compile("\\binstead\\b");
    private static final Pattern MAKE_IT = Pattern.compile("\\bmake it\\b");
    private static final Pattern BUT = Pattern.compile("\\bbut\\b");
    private static final Pattern TIME_WORD = Pattern.compile("\\d|\\b(?:today|tomorrow|tonight|morning|afternoon"
            + "|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|later|earlier|noon|midday)\\b");
    private static final Pattern QUESTION_CUE = Pattern.compile("^(?:so |and |also |just |oh |um |er |erm )?"
            + "(?:what|when|where|how|which|who|why|do you|does|are you|is it|is there|can you tell|could you tell"
            + "|tell me|i was wondering|just wondering|wondering|would you|will you|have you|do i|any idea|can i ask"
            + "|could i ask|is that|are there)\\b|\\bi would like to know\\b|\\bhow much\\b|\\bhow long\\b");
    private static final Pattern SERVICES_QUESTION = Pattern.compile("\\bwhat (?:services|kind of (?:work|jobs|things)"
            + "|sort of (?:work|jobs|things)|do you do|work do you do|jobs do you)\\b"
            + "|\\bdo you (?:do|offer|fix|handle|install|repair|service|work on|deal with)\\b");
    private static final Pattern BOOK = Pattern.compile("\\bbook(?:ing|ed)?\\b|\\bappointments?\\b"
            + "|\\b(?:come|pop|get someone|get somebody|get a plumber|get an engineer) (?:out|round|around|over|by)\\b"
            + "|\\bcome and\\b|\\bsend (?:someone|somebody|a plumber|an engineer|a man|round|out)\\b"
            + "|\\bneed (?:a|an) (?:plumber|engineer)\\b|\\bneed (?:someone|somebody|help)\\b"
            + "|\\b(?:can|could|would) (?:you|someone|somebody|one of your \\w+) (?:come|fix|look|sort|repair|check"
            + "|install|clear|unblock|replace|fit|have a look|take a look)\\b"
            + "|(?<!first )(?<!next )\\bavailab(?:le|ility)\\b|\\b(?:any|free|next) (?:slots?|space|openings?)\\b"
            + "|\\b(?:have|got) (?:you )?got (?:anything|any)\\b|\\bdo you have (?:anything|any (?:slots|time|space"
            + "|availability|appointments))\\b|\\bfit (?:me|us) in\\b|\\bvisit\\b|\\bquote\\b"
            + "|\\bi (?:would like|want|need|wanted) (?:to get|to have|someone|somebody|a plumber|an engineer|a quote"
            + "|it fixed|it looked at)\\b|\\bcan you do\\b");
    private static final Pattern AFFIRM = Pattern.compile("^(?:yes|yeah|yep|yup|yea|ya|yah|aye|sure|alright"
            + "|all right|correct|perfect|great|lovely|brilliant|cool|grand|absolutely|definitely|certainly"
            + "|affirmative|confirmed|confirm|of course|please do|go ahead|go for it|sounds (?:good|great|perfect|fine"
            + "|lovely)|that (?:works|is fine|is great|is perfect|is good|is right|is correct|is lovely|is the one"
            + "|would be (?:great|fine|perfect|lovely|good)|will do|suits|one)|works for me|book it|book that"
            + "|book me in|please book|do it|lets do it|lets do that|spot on|happy with that|i am happy with that"
            + "|yes please|exactly|indeed|why not|deal|no problem|not a problem)\\b");
    private static final Pattern AFFIRM_ANYWHERE = Pattern.compile("\\b(?:that works|sounds good|sounds great"
            + "|works for me|that is perfect|that is fine|go ahead|book it)\\b");
    private static final Pattern SHORT_AFFIRM = Pattern.compile("^(?:ok|fine|good|right|ok then|right then|fine then"
            + "|ok great|ok lovely|ok cool|ok perfect)(?: (?:thanks|thank you|cheers|please|mate|then))?$");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never|cannot|nope|nah)\\b");
    private static final Pattern NOT_NEGATION = Pattern.compile("\\bno problem\\b|\\bnot a problem\\b|\\bwhy not\\b");
    private static final Pattern DENY = Pattern.compile("^(?:no|nope|nah|nay|neither|none|negative|not really"
            + "|not at all|no thanks|no thank you|no way|wrong|incorrect|not that|not quite|that is wrong"
            + "|that is not right|that is incorrect|that (?:does|will|would) not (?:work|suit|do)"
            + "|does not (?:work|suit)|cannot (?:do|make)|i cannot|not (?:good|great|ideal)"
            + "|none of (?:them|those|these)|neither of (?:them|those|these)|i do not think so|not for me"
            + "|that is no good|no good)\\b");
    private static final Pattern DENY_ANYWHERE = Pattern.compile("\\b(?:does|will|would) not (?:work|suit)\\b"
            + "|\\bcannot make (?:it|that)\\b|\\bnone of (?:them|those|these)\\b|\\bneither\\b");
    private static final Pattern UNSURE = Pattern.compile("\\b(?:not sure|do not know|no idea|unsure|not certain"
            + "|cannot remember|do not remember)\\b");
    private static final Pattern GOODBYE = Pattern.compile("\\b(?:bye|goodbye|bye bye|see you|see ya|ta ra|tara"
            + "|cheerio|have a (?:good|nice|great|lovely) (?:day|one|evening|weekend|night))\\b"
            + "|\\b(?:that is|that will be|that would be) (?:all|everything|it)(?: thanks| thank you| cheers)?$"
            + "|\\bnothing else\\b");
    private static final Pattern THANKS_ONLY = Pattern.compile("^(?:thanks|thank you|cheers|ta|many thanks)"
            + "(?: (?:very much|so much|a lot|mate|love))?$");
    private static final Pattern GREETING = Pattern.compile("^(?:hi there|hello there|hey there|hi|hello|hey|hiya"
            + "|howdy|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|how are you|how is it going"
            + "|you alright)(?: (?:there|mate|love|folks))?\\b ?");

    /** Hesitations before the words that matter ("erm yes", "uh no"): never part of the intent. */
    private static final Pattern LEADING_FILLERS = Pattern.compile("^(?:(?:um+|uh+|er+|erm+|hmm+|ah+|oh|so|well)"
            + "(?: |$))+");

    private final EmergencyDetector emergencies = new EmergencyDetector();
    private final FaqMatcher faqMatcher = new FaqMatcher();

    /**
     * @param text     the normalized turn
     * @param profile  the business (emergency keywords, FAQ keywords, services)
     * @param expected what the dialog asked last
     */
    public IntentResult classify(NormalizedText text, BusinessProfile profile, Expectation expected) {
        return classify(text, profile, expected, text == null ? "" : text.text());
    }

    /**
     * As {@link #classify(NormalizedText, BusinessProfile, Expectation)}, with the FAQ keywords looked for only in
     * {@code faqText}: the words that no slot (a name, a day, an address) took.
     */
    public IntentResult classify(NormalizedText text, BusinessProfile profile, Expectation expected, String faqText) {
        if (text == null || text.isEmpty() || profile == null) {
            return IntentResult.unknown();
        }
        Expectation exp = expected == null ? Expectation.NONE : expected;
        String s = LEADING_FILLERS.matcher(text.text()).replaceFirst("");
        if (s.isBlank()) {
            s = text.text();
        }
        boolean answering = exp.is(Expectation.Slot.YES_NO) || exp.is(Expectation.Slot.SLOT_CHOICE);
        Matcher greeting = GREETING.matcher(s);
        if (greeting.find() && !(answering && AFFIRM.matcher(s).find())) {
            String rest = s.substring(greeting.end()).trim();
            if (rest.isEmpty()) {
                return IntentResult.of(Intent.GREETING, 0.9);
            }
            IntentResult restResult = classifyTurn(new NormalizedText(text.original(), rest), rest, profile, exp,
                    faqText);
            return restResult.intent() == Intent.UNKNOWN ? IntentResult.of(Intent.GREETING, 0.7) : restResult;
        }
        return classifyTurn(text, s, profile, exp, faqText);
    }

    /** Whether the message is phrased as a question ("?", "how much", "do you..."). */
    public boolean hasQuestionCue(NormalizedText text) {
        return text != null && (text.original().contains("?") || QUESTION_CUE.matcher(text.text()).find());
    }

    /** Whether the message asks for a visit or a booking in so many words ("can someone come out", "book"). */
    public boolean asksToBook(String normalized) {
        return normalized != null && BOOK.matcher(normalized).find();
    }

    private IntentResult classifyTurn(NormalizedText text, String s, BusinessProfile profile, Expectation exp,
                                      String faqText) {
        boolean answering = exp.is(Expectation.Slot.YES_NO) || exp.is(Expectation.Slot.SLOT_CHOICE);
        if (HUMAN.matcher(s).find()) {
            return IntentResult.of(Intent.HUMAN, 0.9);
        }
        if (OWNER_BRIEFING.matcher(s).find()) {
            return IntentResult.of(Intent.OWNER_BRIEFING, 0.85);
        }
        if (CANCEL.matcher(s).find() && !CANCEL_NEGATED.matcher(s).find()) {
            return IntentResult.of(Intent.CANCEL, 0.9);
        }
        if (RESCHEDULE.matcher(s).find() || ((INSTEAD.matcher(s).find() || MAKE_IT.matcher(s).find())
                && TIME_WORD.matcher(s).find())) {
            return IntentResult.of(Intent.RESCHEDULE, 0.85);
        }
        boolean questionCue = text.original().contains("?") || QUESTION_CUE.matcher(s).find();
        if (SERVICES_QUESTION.matcher(s).lookingAt()) {
            // "do you do emergency call outs" asks about the service; it does not report one.
            return IntentResult.of(Intent.QUESTION, 0.75);
        }
        if (emergencies.isEmergency(s, profile.emergencyKeywords())) {
            return IntentResult.of(Intent.EMERGENCY, 0.9);
        }
        Optional<FaqEntry> faq = faqMatcher.match(faqText == null ? s : faqText, profile.faq());
        if (faq.isPresent() && questionCue) {
            return IntentResult.of(Intent.QUESTION, 0.85);
        }
        if (SERVICES_QUESTION.matcher(s).find() && questionCue) {
            return IntentResult.of(Intent.QUESTION, 0.75);
        }
        boolean negated = NEGATION.matcher(NOT_NEGATION.matcher(s).replaceAll("")).find();
        boolean affirm = !negated && !BUT.matcher(s).find() && (AFFIRM.matcher(s).find() || AFFIRM_ANYWHERE.matcher(s).find()
                || SHORT_AFFIRM.matcher(s).matches());
        boolean deny = DENY.matcher(s).find() || DENY_ANYWHERE.matcher(s).find();
        if (answering && affirm) {
            return IntentResult.of(Intent.AFFIRM, 0.9);
        }
        if (answering && deny) {
            return IntentResult.of(Intent.DENY, 0.9);
        }
        if (BOOK.matcher(s).find()) {
            return IntentResult.of(Intent.BOOK, 0.85);
        }
        if (faq.isPresent()) {
            return IntentResult.of(Intent.QUESTION, text.tokens().size() <= 4 ? 0.75 : 0.55);
        }
        if (GOODBYE.matcher(s).find()) {
            return IntentResult.of(Intent.GOODBYE, 0.85);
        }
        if (!answering && ServiceMatcher.of(profile.services()).match(s).isPresent()) {
            return IntentResult.of(Intent.BOOK, 0.65);
        }
        if (UNSURE.matcher(s).find()) {
            return new IntentResult(Intent.UNKNOWN, 0.3, false);
        }
        if (affirm) {
            return IntentResult.of(Intent.AFFIRM, 0.85);
        }
        if (deny) {
            return IntentResult.of(Intent.DENY, 0.85);
        }
        if (THANKS_ONLY.matcher(s).matches()) {
            return IntentResult.of(Intent.GOODBYE, 0.5);
        }
        return IntentResult.unknown();
    }
}
