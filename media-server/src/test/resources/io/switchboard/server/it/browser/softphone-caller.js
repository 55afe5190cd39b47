/* The test's caller on the /try page, run inside the page. Chromium's fake microphone loops the caller's recording
 * (CallerRecording) from the moment the page opens it, so the caller keeps the page's Mute button down and lets go of
 * it only to say one line, the next time that line comes round in the loop, and never while the receptionist is
 * speaking. Where the loop is comes from the page's own level meter: the loop's start is the first sound after its
 * long lead silence.
 *
 * arguments[0]: the loop as {seconds, wrapSilence, lines: [{line, start, end}]} (seconds; start/end audible span). */
(function (loop) {
  "use strict";
  var LOUD = 0.02;          // level meter reading taken as sound (the recording's silences are digital zero)
  var UNMUTE_BEFORE = 350;  // ms of silence let through before the line, for the mute to reach the audio thread
  var MUTE_AFTER = 300;     // ms of silence let through after it (the gaps in the loop are longer than both)
  var $ = function (id) { return document.getElementById(id); };
  var origin = null;        // performance.now() at which the loop last started
  var capturing = null;     // when the page first sent audio
  var loud = false;
  var lastLoud = 0;
  var wraps = 0;

  setInterval(function () {
    var now = performance.now();
    if (capturing === null) {
      if (Number($("sent").dataset.ms) > 0) { capturing = now; lastLoud = now; }
      return;
    }
    var isLoud = Number($("level").value) > LOUD;
    if (isLoud && !loud && now - lastLoud > loop.wrapSilence * 1000) {
      origin = now - loop.lines[0].start * 1000;
      wraps++;
    }
    loud = isLoud;
    if (isLoud) { lastLoud = now; }
  }, 5);

  /* What the page sends the server (kept for target/browser/softphone-sent.wav: what the server heard) and the reply
   * audio it receives (what the caller hears, for the test to listen to). */
  var sent = [];
  var received = [];
  var Native = window.WebSocket;
  var send = Native.prototype.send;
  Native.prototype.send = function (data) {
    try {
      var message = JSON.parse(data);
      if (message.event === "media") { sent.push(message.media.payload); }
    } catch (e) { /* not ours to judge */ }
    return send.apply(this, arguments);
  };
  window.WebSocket = function (url, protocols) {
    var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener("message", function (e) {
      try {
        var message = JSON.parse(e.data);
        if (message.event === "media") { received.push(message.media.payload); }
        else if (message.event === "clear") { received.push("clear"); }
      } catch (err) { /* not ours to judge */ }
    });
    return ws;
  };
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { window.WebSocket[k] = Native[k]; });
  window.WebSocket.prototype = Native.prototype;

  function speaking() { return /is speaking/.test($("call-status").textContent); }

  function setMuted(on) {
    if (($("mute").getAttribute("aria-pressed") === "true") !== on) { $("mute").click(); }
  }

  window.__caller = {
    /* The 20 ms mu-law frames sent so far, base64, comma-separated. */
    sent: function () { return sent.join(","); },
    /* The reply audio received since the last call, base64 mu-law frames, comma-separated. */
    heard: function () { var r = received.join(","); received = []; return r; },

    /* Says line `index` at its next turn in the loop once the receptionist is quiet; done(report) once muted again. */
    say: function (index, done) {
      var line = loop.lines[index];
      var skipped = 0;
      function plan() {
        if (origin === null) { return setTimeout(plan, 50); }
        var now = performance.now();
        var start = origin + line.start * 1000;
        while (start - UNMUTE_BEFORE < now + 20) { start += loop.seconds * 1000; }
        setTimeout(function () {
          if (speaking()) { skipped++; return plan(); }
          setMuted(false);
          var unmuted = performance.now();
          // Whether the receptionist talks over the line is read where the line's sound ends, not when the mute goes
          // back down MUTE_AFTER later: a reply that starts in that silence (the turn ends 120 ms after the last word)
          // answers a caller who has finished.
          var speakingAtEnd = null;
          setTimeout(function () { speakingAtEnd = speaking(); },
            start + (line.end - line.start) * 1000 - performance.now());
          setTimeout(function () {
            setMuted(true);
            done({ line: line.line, unmutedMsBeforeLine: Math.round(start - unmuted), skipped: skipped,
              wraps: wraps, speakingAtEnd: speakingAtEnd === null ? speaking() : speakingAtEnd });
          }, start + (line.end - line.start) * 1000 + MUTE_AFTER - performance.now());
        }, start - UNMUTE_BEFORE - now);
      }
      plan();
    }
  };
})(arguments[0]);
