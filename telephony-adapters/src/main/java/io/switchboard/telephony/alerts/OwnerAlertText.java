package io.switchboard.telephony.alerts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the owner's alert text: one alert in detail, or several as one aggregate ("3 emergencies in the last 10
 * min: ..."), one line per caller number. The owner needs the numbers to call back, so they are shown in full, but
 * only numbers the channel gave: a web chat's number is marked unverified, and a premium-rate or shared-cost number
 * is never shown (that is what a scam alert would want rung). Every caller-supplied word goes through
 * {@link UntrustedText}. Alerts whose lines do not fit in one text stay queued for the next one, which the text says.
 */
public final class OwnerAlertText {

    /** The caller's words in a single alert. */
    static final int QUOTE_CHARS = 80;
    /** The caller's words per line of an aggregate. */
    static final int LINE_QUOTE_CHARS = 50;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    /** Proven numbers first (they are real people), then oldest first. */
    private static final Comparator<PendingAlert> CALL_BACK_ORDER = Comparator
            .comparing((PendingAlert a) -> !a.numberProven())
            .thenComparing(PendingAlert::createdAt).thenComparingLong(PendingAlert::id);

    /** The text and the alerts it carries (the others wait for the next text). */
    public record Composed(String text, List<Long> included) {
    }

    private final String business;
    private final ZoneId zone;
    private final int maxChars;

    /** @param maxChars the channel's longest message ({@code TwilioSmsSender.MAX_BODY_CHARS}) */
    public OwnerAlertText(String business, ZoneId zone, int maxChars) {
        this.business = UntrustedText.plain(Objects.requireNonNull(business, "business"), 60);
        this.zone = Objects.requireNonNull(zone, "zone");
        if (maxChars < 320) {
            throw new IllegalArgumentException("an alert needs at least 320 characters");
        }
        this.maxChars = maxChars;
    }

    /** @param due at least one alert */
    public Composed compose(List<PendingAlert> due, Instant now) {
        if (due.isEmpty()) {
            throw new IllegalArgumentException("nothing to compose");
        }
        return due.size() == 1 ? single(due.getFirst()) : aggregate(due, now);
    }

    private Composed single(PendingAlert a) {
        StringBuilder s = new StringBuilder("EMERGENCY - ").append(business).append('\n');
        s.append("Caller: ").append(number(a, false));
        if (!a.callerName().isBlank()) {
            s.append(" (").append(UntrustedText.plain(a.callerName(), 40)).append(')');
        }
        s.append("\nAddress: ").append(orElse(UntrustedText.plain(a.address(), QUOTE_CHARS), "not given yet"));
        s.append("\nProblem: ").append(orElse(UntrustedText.quote(a.problem(), QUOTE_CHARS), "not described yet"));
        s.append("\nVia ").append(a.channel().wireName()).append(" at ").append(WHEN.format(a.createdAt().atZone(zone)));
        return new Composed(fit(s.toString()), List.of(a.id()));
    }

    private Composed aggregate(List<PendingAlert> due, Instant now) {
        Map<String, List<PendingAlert>> byCaller = new LinkedHashMap<>();
        due.stream().sorted(CALL_BACK_ORDER).forEach(a -> byCaller
                .computeIfAbsent(a.callerPhone() == null ? "withheld#" + a.id() : a.callerPhone(), k -> new ArrayList<>())
                .add(a));
        Instant oldest = due.stream().map(PendingAlert::createdAt).min(Comparator.naturalOrder()).orElse(now);
        long minutes = Math.max(1, (Duration.between(oldest, now).toSeconds() + 59) / 60);
        String header = "EMERGENCY - " + business + ": " + due.size() + " emergencies in the last " + minutes
                + " min (call back in this order):";
        StringBuilder s = new StringBuilder(header);
        List<Long> included = new ArrayList<>();
        int line = 0;
        int left = due.size();
        for (List<PendingAlert> group : byCaller.values()) {
            PendingAlert first = group.getFirst();
            StringBuilder l = new StringBuilder("\n").append(++line).append(". ").append(number(first, true));
            if (!first.callerName().isBlank()) {
                l.append(" (").append(UntrustedText.plain(first.callerName(), 30)).append(')');
            }
            if (group.size() > 1) {
                l.append(" x").append(group.size());
            }
            l.append(", ").append(first.channel().wireName()).append(' ')
                    .append(TIME.format(first.createdAt().atZone(zone)));
            String quote = UntrustedText.quote(first.problem(), LINE_QUOTE_CHARS);
            if (!quote.isEmpty()) {
                l.append(' ').append(quote);
            }
            String more = "\n(+" + (left - group.size()) + " more in the next text)";
            if (s.length() + l.length() + more.length() > maxChars) {
                break;
            }
            s.append(l);
            group.forEach(a -> included.add(a.id()));
            left -= group.size();
        }
        if (left > 0) {
            s.append("\n(+").append(left).append(" more in the next text)");
        }
        return new Composed(s.toString(), List.copyOf(included));
    }

    /** The number to call back, as far as it can be trusted. */
    private static String number(PendingAlert a, boolean brief) {
        return callBack(a.callerPhone(), a.numberProven(), brief);
    }

    /**
     * A caller's number as the owner may see it: in full when the channel gave it, marked unverified when not (web
     * chat), never a premium-rate or shared-cost number (that is what a scam would want rung).
     *
     * @param e164 null when withheld or unknown
     */
    static String callBack(String e164, boolean proven, boolean brief) {
        if (e164 == null || e164.isBlank()) {
            return "number withheld";
        }
        if (premium(e164)) {
            return "premium-rate number, not shown";
        }
        if (proven) {
            return e164;
        }
        return e164 + (brief ? " (unverified)" : " (web chat, number not verified)");
    }

    private static boolean premium(String e164) {
        try {
            PhoneNumberType type = PHONES.getNumberType(PHONES.parse(e164, "ZZ"));
            return type == PhoneNumberType.PREMIUM_RATE || type == PhoneNumberType.SHARED_COST;
        } catch (NumberParseException e) {
            return false;
        }
    }

    private String fit(String text) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
