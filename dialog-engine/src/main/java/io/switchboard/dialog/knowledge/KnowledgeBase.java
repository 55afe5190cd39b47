package io.switchboard.dialog.knowledge;

import io.switchboard.models.BusinessProfile;
import io.switchboard.models.FaqEntry;
import io.switchboard.models.Intent;
import io.switchboard.models.ServiceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One business's knowledge, searched by meaning: its FAQ entries, its services, the work it does not do, and a few
 * example sentences per intent. Built on first use (a few dozen sentences, well under a second) and then read-only,
 * so one instance serves every conversation.
 * <p>
 * Every answer needs a score above an absolute floor and a margin over the runner-up: a near tie is no answer (for
 * services, it is the two options to ask between). The thresholds were tuned on the phrasings in
 * {@code KnowledgeTuningTest} and checked on the separate held-out phrasings in {@code KnowledgeHeldOutTest}.
 */
public final class KnowledgeBase {

    /** An FAQ entry needs at least this similarity... */
    static final double FAQ_MIN = 0.5;
    /** ...and this lead over the next entry... */
    static final double FAQ_MARGIN = 0.04;
    /** ...or, a little less similar, a clear lead: owners' entries are short and callers' words far from them. */
    static final double FAQ_MIN_CLEAR = 0.4;
    static final double FAQ_MARGIN_CLEAR = 0.12;
    /** A keyword match gives way to another entry only when that one is this much closer in meaning. */
    static final double FAQ_OVERRULE = 0.15;
    /** A service described in the caller's own words needs at least this similarity... */
    static final double SERVICE_MIN = 0.45;
    /** ...and this lead over the next service; closer than this (both above the floor) is a question between them. */
    static final double SERVICE_MARGIN = 0.05;
    /** Work the business does not do: the closest such work must be at least this similar... */
    static final double FOREIGN_MIN = 0.42;
    /** ...and this much closer than anything the business does. */
    static final double FOREIGN_LEAD = 0.08;
    /** Catalogue work this close to one of the business's own services is its own work, never foreign. */
    static final double OWN_WORK = 0.6;
    /** An intent example needs at least this similarity, and {@link #INTENT_MARGIN} over another intent. */
    static final double INTENT_MIN = 0.5;
    static final double INTENT_MARGIN = 0.12;
    /** Between the two options just asked about, the nearer wins by this much (the question narrowed it). */
    static final double CHOICE_MARGIN = 0.05;

    /** What the caller's words say about the service, by meaning. */
    public sealed interface ServiceReading {
        /** One service fits clearly. */
        record One(ServiceType service) implements ServiceReading {
        }

        /** Two services fit about as well: ask which. */
        record Either(List<ServiceType> options) implements ServiceReading {
            public Either {
                options = List.copyOf(options);
            }
        }

        /** The request is work the business does not do. */
        record Outside() implements ServiceReading {
        }

        /** Nothing clear either way. */
        record Unsure() implements ServiceReading {
        }
    }

    private final BusinessProfile profile;
    private final SentenceEmbeddings model;
    private volatile Indexes indexes;

    /**
     * @param specific the services by their specific words only: what scope is judged against, since "repair" or
     *                 "fix" alone is close to every trade's work
     */
    private record Indexes(SemanticIndex<FaqEntry> faq, SemanticIndex<ServiceType> services,
                           SemanticIndex<ServiceType> specific, SemanticIndex<String> foreign,
                           SemanticIndex<Intent> intents) {
    }

    /** Built knowledge for the last few profiles: a conversation engine per call must not re-embed the profile. */
    private static final Map<BusinessProfile, KnowledgeBase> RECENT = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BusinessProfile, KnowledgeBase> eldest) {
            return size() > 4;
        }
    };

    /** The knowledge for {@code profile} over the process's on-box model, reused while the profile is the same. */
    public static KnowledgeBase onBox(BusinessProfile profile) {
        synchronized (RECENT) {
            return RECENT.computeIfAbsent(profile, p -> new KnowledgeBase(p, OnBoxEmbeddings.shared()));
        }
    }

    /** Embeds the profile now (loading the model if it is not yet), so the first caller does not wait. */
    public void warmUp() {
        if (model.enabled()) {
            indexes();
        }
    }

    public KnowledgeBase(BusinessProfile profile, SentenceEmbeddings model) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Work that small service businesses are asked for, across trades (what a caller may name in an opening
     * sentence, done here or not): for a recogniser's vocabulary of the opening.
     */
    public static List<String> workVocabulary() {
        return WorkCatalogue.WORK;
    }

    public boolean enabled() {
        return model.enabled();
    }

    public BusinessProfile profile() {
        return profile;
    }

    /** The FAQ entry the question is about, by meaning. */
    public Optional<FaqEntry> faq(String question) {
        if (profile.faq().isEmpty()) {
            return Optional.empty();
        }
        return model.embed(question).flatMap(q -> indexes().faq().best(q, e -> true))
                .filter(b -> (b.score() >= FAQ_MIN && b.margin() >= FAQ_MARGIN)
                        || (b.score() >= FAQ_MIN_CLEAR && b.margin() >= FAQ_MARGIN_CLEAR))
                .map(SemanticIndex.Best::item);
    }

    /**
     * The service a problem description needs, among {@code among} (all services, or the options just asked
     * about); work the business does not do is {@link ServiceReading.Outside} only when {@code checkScope}.
     */
    public ServiceReading service(String description, List<ServiceType> among, boolean checkScope) {
        Optional<float[]> q = model.embed(description);
        if (q.isEmpty() || among.isEmpty()) {
            return new ServiceReading.Unsure();
        }
        Indexes ix = indexes();
        Set<ServiceType> allowed = Set.copyOf(among);
        Optional<SemanticIndex.Best<ServiceType>> best = ix.services().best(q.get(), allowed::contains);
        double own = best.map(SemanticIndex.Best::score).orElse(0.0);
        // "I need a repair" names no work at all, so it cannot be someone else's trade: the caller is asked what needs doing
        if (checkScope && !ix.foreign().isEmpty() && !vague(description)) {
            double ownSpecific = ix.specific().isEmpty() ? own : ix.specific().top(q.get());
            own = Math.min(own, ownSpecific);
            double foreign = ix.foreign().top(q.get());
            if (foreign >= FOREIGN_MIN && foreign - own >= FOREIGN_LEAD) {
                return new ServiceReading.Outside();
            }
        }
        if (best.isEmpty() || own < SERVICE_MIN) {
            return new ServiceReading.Unsure();
        }
        SemanticIndex.Best<ServiceType> b = best.get();
        if (b.margin() >= SERVICE_MARGIN) {
            return new ServiceReading.One(b.item());
        }
        List<ServiceType> close = ix.services().rank(q.get()).stream()
                .filter(s -> allowed.contains(s.item()) && s.score() >= SERVICE_MIN
                        && b.score() - s.score() < SERVICE_MARGIN)
                .map(SemanticIndex.Scored::item).limit(2).toList();
        // asked in the profile's order, so the same words always get the same question
        List<ServiceType> inOrder = among.stream().filter(close::contains).toList();
        return close.size() == 2 ? new ServiceReading.Either(inOrder) : new ServiceReading.One(b.item());
    }

    /**
     * A keyword match checked by meaning: the entry the question means, when that is clearly another one than the
     * keywords found ("an hour of your time" holds "hour" but asks a price). Otherwise the keywords' entry.
     */
    public FaqEntry recheck(String question, FaqEntry byKeywords) {
        Optional<float[]> q = model.embed(question);
        if (q.isEmpty()) {
            return byKeywords;
        }
        List<SemanticIndex.Scored<FaqEntry>> ranked = indexes().faq().rank(q.get());
        double keywordScore = ranked.stream().filter(s -> s.item().equals(byKeywords))
                .mapToDouble(SemanticIndex.Scored::score).findFirst().orElse(0);
        SemanticIndex.Scored<FaqEntry> top = ranked.isEmpty() ? null : ranked.get(0);
        boolean clearlyOther = top != null && !top.item().equals(byKeywords) && top.score() >= FAQ_MIN
                && top.score() - keywordScore >= FAQ_OVERRULE;
        return clearlyOther ? top.item() : byKeywords;
    }

    /** The nearer of the options just asked about, when clearly nearer. */
    public Optional<ServiceType> choose(String answer, List<ServiceType> options) {
        Set<ServiceType> allowed = Set.copyOf(options);
        return model.embed(answer).flatMap(q -> indexes().services().best(q, allowed::contains))
                .filter(b -> b.margin() >= CHOICE_MARGIN).map(SemanticIndex.Best::item);
    }

    /** The intent of a turn the rules could not read, from example sentences; never a yes or a no. */
    public Optional<Intent> intent(String turn) {
        return model.embed(turn).flatMap(q -> indexes().intents().best(q, i -> true))
                .filter(b -> b.score() >= INTENT_MIN && b.margin() >= INTENT_MARGIN)
                .map(SemanticIndex.Best::item);
    }

    private Indexes indexes() {
        Indexes ix = indexes;
        if (ix == null) {
            synchronized (this) {
                if (indexes == null) {
                    indexes = build();
                }
                ix = indexes;
            }
        }
        return ix;
    }

    private Indexes build() {
        Map<FaqEntry, List<String>> faq = new LinkedHashMap<>();
        for (FaqEntry e : profile.faq()) {
            List<String> said = new ArrayList<>();
            said.add(e.topic().replace('-', ' ').replace('_', ' '));
            said.add(e.answer());
            for (String k : e.keywords()) {
                said.add(k);
            }
            faq.put(e, said);
        }
        Map<ServiceType, List<String>> services = new LinkedHashMap<>();
        for (ServiceType s : profile.services()) {
            List<String> said = new ArrayList<>();
            said.add(s.name());
            said.addAll(s.synonyms());
            if (!s.synonyms().isEmpty()) {
                said.add(s.name() + ": " + String.join(", ", s.synonyms()));
            }
            services.put(s, said);
        }
        SemanticIndex<ServiceType> own = SemanticIndex.of(model, services);
        // what the business does, in its specific words: "general repair" or "fix" would claim every trade's work
        Map<ServiceType, List<String>> specific = new LinkedHashMap<>();
        services.forEach((s, said) -> specific.put(s, said.stream().filter(x -> !generic(x)).toList()));
        SemanticIndex<ServiceType> ownSpecific = SemanticIndex.of(model, specific);
        Map<String, List<String>> foreign = new LinkedHashMap<>();
        for (String work : WorkCatalogue.WORK) {
            Optional<float[]> v = model.embed(work);
            // work this business does (a plumber's "leaking pipe") is never a reason to decline
            if (v.isPresent() && (ownSpecific.isEmpty() || ownSpecific.top(v.get()) < OWN_WORK)) {
                foreign.put(work, List.of(work));
            }
        }
        return new Indexes(SemanticIndex.of(model, faq), own, ownSpecific, SemanticIndex.of(model, foreign),
                SemanticIndex.of(model, IntentExamples.EXAMPLES));
    }

    /** Words that say a job is wanted without saying which: a service named only by them is not specific. */
    private static final Set<String> GENERIC_WORDS = Set.of("general", "repair", "repairs", "fix", "fixing", "install",
            "installation", "service", "servicing", "emergency", "job", "work", "new", "appointment", "call", "out",
            "callout", "call-out", "check", "visit", "a", "an", "the", "and", "of");

    /** Words that ask for something without naming anything: "I need someone to", "can you", "please". */
    private static final Set<String> REQUEST_WORDS = Set.of("i", "i'd", "we", "need", "needs", "want", "wanted",
            "would", "like", "could", "can", "you", "someone", "somebody", "something", "to", "get", "have", "done",
            "book", "booking", "please", "me", "my", "our", "help", "with", "some", "do", "doing", "looking", "for");

    /** A request made only of asking words and words that say "a job": it names no work, ours or another trade's. */
    static boolean vague(String description) {
        for (String w : description.toLowerCase(java.util.Locale.ROOT).split("[^a-z'-]+")) {
            if (!w.isEmpty() && !GENERIC_WORDS.contains(w) && !REQUEST_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean generic(String sentence) {
        for (String w : sentence.toLowerCase(java.util.Locale.ROOT).split("[^a-z-]+")) {
            if (!w.isEmpty() && !GENERIC_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The catalogue work this business counts as foreign (for tests and the report). */
    List<String> foreignWork() {
        Indexes ix = indexes();
        List<String> out = new ArrayList<>();
        for (String work : WorkCatalogue.WORK) {
            model.embed(work).ifPresent(v -> {
                if (ix.foreign().top(v) > 0.999) {
                    out.add(work);
                }
            });
        }
        return out;
    }

    /** Scores for tuning: the top FAQ entries, services, foreign work and intents. */
    String debug(float[] q) {
        Indexes ix = indexes();
        StringBuilder b = new StringBuilder();
        b.append("faq ").append(top3(ix.faq().rank(q), e -> e.topic()));
        b.append(" | svc ").append(top3(ix.services().rank(q), ServiceType::id));
        b.append(" | foreign ").append(top3(ix.foreign().rank(q), w -> w));
        b.append(" | intent ").append(top3(ix.intents().rank(q), Intent::name));
        return b.toString();
    }

    private static <T> String top3(List<SemanticIndex.Scored<T>> ranked, java.util.function.Function<T, String> name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, ranked.size()); i++) {
            b.append(String.format(java.util.Locale.ROOT, "%s=%.2f ", name.apply(ranked.get(i).item()), ranked.get(i).score()));
        }
        return b.toString();
    }
}
