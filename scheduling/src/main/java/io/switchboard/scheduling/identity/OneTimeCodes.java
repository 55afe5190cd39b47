package io.switchboard.scheduling.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.scheduling.db.tables.records.OneTimeCodeRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import static io.switchboard.scheduling.db.Tables.ONE_TIME_CODE;

/**
 * Six-digit one-time codes that prove a phone number: issued for a number, a purpose and the conversation that asked,
 * redeemable once, in that conversation, for that purpose, within {@link CodePolicy#lifetime()} and
 * {@link CodePolicy#maxTries()} tries. Everything is in PostgreSQL, so every instance sees the same codes, tries and
 * limits. Only a salted hash of a code is stored.
 *
 * <p>Issuing is serialised by one transaction-scoped advisory lock, so concurrent requests (from any instance) cannot
 * each see "one left" and pass a limit together; codes are rare enough that one lock costs nothing. A typed code is
 * checked under a row lock, so two tries at once each count.
 *
 * <p>Sending the text is not done here: the caller gets the plain code in {@link CodeIssue.Issued} and hands it to the
 * SMS sender. A code whose text then fails still counts against the limits, which is the safe side for a limit that
 * exists to stop SMS pumping.
 */
public final class OneTimeCodes {

    public static final int DIGITS = 6;
    /** Rows are kept this long: the daily cap counts a day back, and nothing needs them after. */
    static final Duration KEEP = Duration.ofDays(2);

    private static final int SALT_BYTES = 16;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final HexFormat HEX = HexFormat.of();

    private final DSLContext dsl;
    private final Clock clock;
    private final CodePolicy policy;
    private final SecureRandom random = new SecureRandom();

    public OneTimeCodes(DSLContext dsl, Clock clock, CodePolicy policy) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public CodePolicy policy() {
        return policy;
    }

    /**
     * Issues a code for {@code phone}, replacing any code this conversation was still waiting on for the same number
     * and purpose. Blocking.
     *
     * @param phone        the number to prove, E.164
     * @param conversation the conversation that asks; only it may redeem the code
     * @param client       who asks, for the per-client limit (a web client's address, a texting sender)
     */
    public CodeIssue issue(String phone, CodePurpose purpose, String conversation, String client) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(client, "client");
        Optional<String> region = regionOf(phone);
        if (region.isEmpty()) {
            return new CodeIssue.Refused(CodeIssue.Reason.NOT_A_NUMBER);
        }
        if (!policy.countries().contains(region.get())) {
            return new CodeIssue.Refused(CodeIssue.Reason.COUNTRY_NOT_SERVED);
        }
        String conversationKey = sha256(conversation);
        String clientKey = sha256(client);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("one-time-codes")))
                    .fetch();
            OffsetDateTime now = now();
            tx.deleteFrom(ONE_TIME_CODE).where(ONE_TIME_CODE.CREATED_AT.lt(now.minus(KEEP))).execute();
            OffsetDateTime hourAgo = now.minusHours(1);
            if (tx.fetchCount(ONE_TIME_CODE, ONE_TIME_CODE.CREATED_AT.gt(now.minusDays(1))) >= policy.dailyCap()) {
                return new CodeIssue.Refused(CodeIssue.Reason.DAILY_CAP);
            }
            if (tx.fetchCount(ONE_TIME_CODE, ONE_TIME_CODE.PHONE.eq(phone).and(ONE_TIME_CODE.CREATED_AT.gt(hourAgo)))
                    >= policy.perNumberPerHour()) {
                return new CodeIssue.Refused(CodeIssue.Reason.NUMBER_LIMIT);
            }
            if (tx.fetchCount(ONE_TIME_CODE, ONE_TIME_CODE.CLIENT_KEY.eq(clientKey)
                    .and(ONE_TIME_CODE.CREATED_AT.gt(hourAgo))) >= policy.perClientPerHour()) {
                return new CodeIssue.Refused(CodeIssue.Reason.CLIENT_LIMIT);
            }
            tx.update(ONE_TIME_CODE).set(ONE_TIME_CODE.STATE, State.SUPERSEDED.name())
                    .where(ONE_TIME_CODE.PHONE.eq(phone).and(ONE_TIME_CODE.PURPOSE.eq(purpose.name()))
                            .and(ONE_TIME_CODE.CONVERSATION_KEY.eq(conversationKey))
                            .and(ONE_TIME_CODE.STATE.eq(State.LIVE.name())))
                    .execute();
            String code = newCode();
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            OffsetDateTime expires = now.plus(policy.lifetime());
            tx.insertInto(ONE_TIME_CODE)
                    .set(ONE_TIME_CODE.PHONE, phone)
                    .set(ONE_TIME_CODE.PURPOSE, purpose.name())
                    .set(ONE_TIME_CODE.CONVERSATION_KEY, conversationKey)
                    .set(ONE_TIME_CODE.CLIENT_KEY, clientKey)
                    .set(ONE_TIME_CODE.CODE_SALT, HEX.formatHex(salt))
                    .set(ONE_TIME_CODE.CODE_HASH, hash(salt, code))
                    .set(ONE_TIME_CODE.STATE, State.LIVE.name())
                    .set(ONE_TIME_CODE.ATTEMPTS, 0)
                    .set(ONE_TIME_CODE.CREATED_AT, now)
                    .set(ONE_TIME_CODE.EXPIRES_AT, expires)
                    .execute();
            return new CodeIssue.Issued(code, expires.toInstant());
        });
    }

    /**
     * Checks a typed code against the code {@code conversation} is waiting on for {@code phone} and
     * {@code purpose}. Anything but six digits counts as a wrong try. Blocking.
     */
    public CodeCheck verify(String phone, CodePurpose purpose, String conversation, String typed) {
        Objects.requireNonNull(purpose, "purpose");
        String conversationKey = sha256(Objects.requireNonNull(conversation, "conversation"));
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            OneTimeCodeRecord row = tx.selectFrom(ONE_TIME_CODE)
                    .where(ONE_TIME_CODE.PHONE.eq(phone).and(ONE_TIME_CODE.PURPOSE.eq(purpose.name()))
                            .and(ONE_TIME_CODE.CONVERSATION_KEY.eq(conversationKey)))
                    .orderBy(ONE_TIME_CODE.ID.desc()).limit(1).forUpdate().fetchOne();
            if (row == null || !row.getState().equals(State.LIVE.name())) {
                return row != null && row.getState().equals(State.EXHAUSTED.name())
                        ? new CodeCheck.TooManyTries() : new CodeCheck.NoCode();
            }
            OffsetDateTime now = now();
            if (!now.isBefore(row.getExpiresAt())) {
                return new CodeCheck.Expired();
            }
            boolean right = digits.length() == DIGITS && digits.chars().allMatch(Character::isDigit)
                    && MessageDigest.isEqual(hash(HEX.parseHex(row.getCodeSalt()), digits)
                            .getBytes(StandardCharsets.UTF_8), row.getCodeHash().getBytes(StandardCharsets.US_ASCII));
            if (right) {
                row.setState(State.USED.name());
                row.setUsedAt(now);
                row.store();
                return new CodeCheck.Verified();
            }
            int attempts = row.getAttempts() + 1;
            row.setAttempts(attempts);
            if (attempts >= policy.maxTries()) {
                row.setState(State.EXHAUSTED.name());
                row.store();
                return new CodeCheck.TooManyTries();
            }
            row.store();
            return new CodeCheck.Wrong(policy.maxTries() - attempts);
        });
    }

    /**
     * The region a number belongs to. Numbers in ranges libphonenumber does not know as valid (new ranges, the UK's
     * drama range) take the main region of their country code.
     */
    static Optional<String> regionOf(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(e164, "ZZ");
            String region = PHONES.getRegionCodeForNumber(number);
            if (region == null || region.equals("ZZ")) {
                region = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            }
            return region == null || region.equals("ZZ") ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private String newCode() {
        return String.format("%0" + DIGITS + "d", random.nextInt(1_000_000));
    }

    private static String hash(byte[] salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HEX.formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String sha256(String value) {
        return hash(new byte[0], value);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** A code's life: waiting to be typed, then used, replaced by a newer code, or spent by wrong tries. */
    private enum State {
        LIVE, USED, SUPERSEDED, EXHAUSTED
    }
}
