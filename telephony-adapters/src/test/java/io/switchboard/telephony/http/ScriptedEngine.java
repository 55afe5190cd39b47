package io.switchboard.telephony.http;

import io.switchboard.dialog.DialogAction;
import io.switchboard.dialog.DialogEngine;
import io.switchboard.dialog.DialogState;
import io.switchboard.dialog.SlotSnapshot;
import io.switchboard.dialog.TurnRequest;
import io.switchboard.dialog.TurnResult;
import io.switchboard.dialog.understanding.Expectation;
import io.switchboard.models.Appointment;
import io.switchboard.models.Channel;
import io.switchboard.models.Intent;
import io.switchboard.scheduling.Scheduling;
import io.switchboard.scheduling.booking.Actor;
import io.switchboard.scheduling.booking.BookingRequest;
import io.switchboard.scheduling.booking.BookingResult;
import io.vertx.core.Context;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in dialog engine for the HTTP layer's tests: "book" books a real appointment through scheduling,
 * "fail" throws, anything else collects. Records each request and whether it ran on an event loop.
 */
final class ScriptedEngine implements DialogEngine {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    final List<TurnRequest> requests = new CopyOnWriteArrayList<>();
    final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
    private final Scheduling scheduling;

    ScriptedEngine(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public TurnResult begin(Channel channel, String sessionId, String from) {
        return handle(TurnRequest.text(channel, sessionId, from, ""));
    }

    @Override
    public TurnResult handle(TurnRequest request) {
        requests.add(request);
        onEventLoop.add(Context.isOnEventLoopThread());
        if (request.text().startsWith("fail")) {
            throw new IllegalStateException("engine broke while reading " + request.text() + " from " + request.from());
        }
        if (request.text().startsWith("book")) {
            return book(request);
        }
        SlotSnapshot slots = new SlotSnapshot(null, request.from(), null, null, "drain-cleaning", DAY,
                LocalTime.of(14, 30), false);
        return new TurnResult(request.sessionId(), "What is your name?", Intent.BOOK, DialogState.COLLECTING, slots,
                null, List.of(), Expectation.NAME);
    }

    @Override
    public void end(Channel channel, String sessionId) {
    }

    private TurnResult book(TurnRequest request) {
        ZonedDateTime start = DAY.atTime(10, 0).atZone(scheduling.profile().timezone());
        BookingResult result = scheduling.bookings().book(new BookingRequest(request.sessionId(), "general-repair",
                start, request.from(), "Ada Lovelace", "1 Test Street, Bristol", "dripping tap", false,
                new Actor(request.channel(), request.sessionId())));
        Appointment booked = ((BookingResult.Success) result).appointment();
        SlotSnapshot slots = new SlotSnapshot("Ada Lovelace", booked.customer().phone(), booked.address(),
                booked.problem(), booked.serviceId(), DAY, LocalTime.of(10, 0), false);
        return new TurnResult(request.sessionId(), "Booked.", Intent.BOOK, DialogState.BOOKED, slots, booked,
                List.of(new DialogAction.Booked(booked), new DialogAction.HandOff("+447700900999")), null);
    }
}
