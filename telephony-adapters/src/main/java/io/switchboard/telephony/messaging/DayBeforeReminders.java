package io.switchboard.telephony.messaging;

import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.reminder.ReminderSettings;
import io.switchboard.scheduling.reminder.ReminderStore;
import io.switchboard.telephony.PiiMask;
import io.switchboard.telephony.outbound.OutboundMessenger;
import io.switchboard.telephony.outbound.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Texts each customer the day before their booking, on the channel they booked on (WhatsApp for a WhatsApp booking,
 * SMS otherwise), from {@link ReminderSettings#sendAt()} until the end of waking hours. Each reminder is claimed in
 * PostgreSQL before it is sent ({@link ReminderStore}), so it goes once across restarts and instances; a number that
 * opted out of the channel gets nothing; every outcome is in the audit log. A booking made after that day's
 * reminder time gets none: its confirmation is hours old at most.
 */
public final class DayBeforeReminders implements AutoCloseable {

    static final Duration PASS_EVERY = Duration.ofMinutes(1);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DayBeforeReminders.class);

    private final ReminderStore store;
    private final OutboundMessenger messenger;
    private final OptOutStore optOuts;
    private final ReminderText text;
    private final ReminderSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private ScheduledExecutorService timer;

    /** @param messenger the opt-out-aware messenger of the text channels */
    public DayBeforeReminders(Scheduling scheduling, OutboundMessenger messenger, ReminderSettings settings) {
        this.store = new ReminderStore(scheduling.database().dsl(), scheduling.appointments(), scheduling.audit(),
                scheduling.clock(), scheduling.profile().timezone());
        this.messenger = messenger;
        this.optOuts = new OptOutStore(scheduling.database().dsl(), scheduling.clock());
        this.text = new ReminderText(scheduling.profile());
        this.settings = settings;
        this.clock = scheduling.clock();
        this.zone = scheduling.profile().timezone();
    }

    /** Sends what is due now. Blocking (database, and each send awaited). @return reminders sent */
    public int pass() {
        ZonedDateTime now = clock.instant().atZone(zone);
        if (!ReminderSettings.waking(now.toLocalTime()) || now.toLocalTime().isBefore(settings.sendAt())) {
            return 0;
        }
        Instant remindFrom = now.toLocalDate().atTime(settings.sendAt()).atZone(zone).toInstant();
        int sent = 0;
        for (Appointment a : store.unremindedOn(now.toLocalDate().plusDays(1))) {
            if (a.createdAt().isAfter(remindFrom)) {
                continue;
            }
            if (remind(a)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(Appointment a) {
        String phone = a.customer().phone();
        Channel channel = a.channel() == Channel.WHATSAPP ? Channel.WHATSAPP : Channel.SMS;
        if (phone == null || phone.isBlank()) {
            return false;
        }
        if (optOuts.isOptedOut(phone, channel)) {
            if (store.claim(a, channel, phone)) {
                store.record(a, channel, "opted_out");
            }
            return false;
        }
        if (!store.claim(a, channel, phone)) {
            return false; // another instance has it
        }
        String outcome;
        try {
            SendResult r = messenger.send(channel, phone, text.of(a)).toCompletableFuture()
                    .get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            outcome = r.isSent() ? "sent"
                    : OptOutAwareMessenger.OPTED_OUT.equals(r.detail()) ? "opted_out" : "failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "failed";
        } catch (Exception e) {
            outcome = "failed";
        }
        store.record(a, channel, outcome);
        LOG.info("day-before reminder of appointment {} to {} by {}: {}", a.id(), PiiMask.phone(phone), channel,
                outcome);
        return outcome.equals("sent");
    }

    /** Runs a pass every minute on a thread of its own. */
    public synchronized DayBeforeReminders start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "day-before-reminders");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    pass();
                } catch (RuntimeException e) {
                    LOG.warn("reminder pass failed: {}", e.toString());
                }
            }, 0, PASS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("day-before reminders on, from {} local time", settings.sendAt());
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
