/* Switchboard browser softphone. Speaks the Twilio Media Streams protocol (start, media, dtmf, mark, stop) to the
 * media server's softphone endpoint, so the call runs through the same pipeline as a phone call. Admission is a
 * single-use ticket from the dashboard session; the page never sees the admin token. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var csrf = null;
  var call = null;
  /* Mute holds for the next call too (join muted), as on a desk phone. */
  var muted = false;

  function status(text) { $("call-status").textContent = text; }

  function setMuted(on) {
    muted = on;
    var button = $("mute");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "Unmute" : "Mute";
    if (!on) { $("muted-hint").hidden = true; }
    if (call && call.capture) { call.capture.port.postMessage({ muted: on }); }
  }

  /* The microphone's level, 50 times a second; muted and loud is worth a word to the caller. */
  function level(peak) {
    $("level").value = Math.min(1, peak);
    if (muted && peak > 0.1) { $("muted-hint").hidden = false; }
  }

  function decode(u) {
    u = ~u & 0xff;
    var sign = u & 0x80, exponent = (u >> 4) & 7, mantissa = u & 0x0f;
    var s = (((mantissa << 3) + 0x84) << exponent) - 0x84;
    return (sign ? -s : s) / 32768;
  }
  var TABLE = new Float32Array(256);
  for (var i = 0; i < 256; i++) { TABLE[i] = decode(i); }

  function base64(bytes) {
    var s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s);
  }

  function counter(id, ms) {
    var node = $(id);
    var total = Number(node.dataset.ms) + ms;
    node.dataset.ms = String(total);
    node.textContent = (total / 1000).toFixed(1);
  }

  /* One call: the WebSocket, the microphone graph and the queue of reply audio. */
  function Call(ws, context, stream) {
    this.ws = ws; this.context = context; this.stream = stream;
    this.streamSid = "MZ" + Math.random().toString(16).slice(2) + Date.now().toString(16);
    this.playAt = 0; this.sources = []; this.marks = []; this.sequence = 1; this.ended = false;
  }

  Call.prototype.send = function (json) {
    if (this.ws.readyState === WebSocket.OPEN) {
      json.sequenceNumber = String(this.sequence++);
      json.streamSid = this.streamSid;
      this.ws.send(JSON.stringify(json));
    }
  };

  /* Reply audio: 8 kHz mu-law, scheduled back to back; the browser resamples the 8 kHz buffers to the device. */
  Call.prototype.play = function (payload) {
    var bin = atob(payload);
    var buffer = this.context.createBuffer(1, bin.length, 8000);
    var data = buffer.getChannelData(0);
    for (var i = 0; i < bin.length; i++) { data[i] = TABLE[bin.charCodeAt(i)]; }
    var source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    var now = this.context.currentTime;
    if (this.playAt < now) { this.playAt = now + 0.05; }
    source.start(this.playAt);
    this.playAt += buffer.duration;
    var self = this;
    this.sources.push(source);
    source.onended = function () {
      // A source stopped by a barge-in ends later, when clear() has already let it go (and the next reply may be
      // queued): it was not heard and is not ours to remove.
      var at = self.sources.indexOf(source);
      if (at < 0) { return; }
      self.sources.splice(at, 1);
      counter("played", buffer.duration * 1000);
      if (!self.sources.length) { status("Connected — your turn to speak."); }
    };
    status("The receptionist is speaking…");
  };

  /* A mark is echoed when the audio queued before it has played, as Twilio does. */
  Call.prototype.mark = function (name) {
    var self = this;
    var delay = Math.max(0, (this.playAt - this.context.currentTime) * 1000);
    var timer = setTimeout(function () {
      self.marks.splice(self.marks.indexOf(timer), 1);
      self.send({ event: "mark", mark: { name: name } });
    }, delay);
    this.marks.push(timer);
  };

  /* Barge-in: the server heard the caller talk over the reply and asks for the queued audio to go. */
  Call.prototype.clear = function () {
    this.sources.slice().forEach(function (s) { try { s.stop(); } catch (e) { /* already stopped */ } });
    this.sources = [];
    this.playAt = this.context.currentTime;
    this.marks.forEach(clearTimeout);
    this.marks = [];
    status("Listening…");
  };

  Call.prototype.end = function (why) {
    if (this.ended) { return; }
    this.ended = true;
    this.send({ event: "stop", stop: { callSid: "" } });
    try { this.ws.close(1000, "hang up"); } catch (e) { /* closed */ }
    this.stream.getTracks().forEach(function (t) { t.stop(); });
    $("level").value = 0;
    this.context.close();
    status(why || "Call ended.");
    $("call").disabled = false;
    $("hang-up").disabled = true;
    call = null;
  };

  function placeCall(from) {
    $("call").disabled = true;
    // Made inside the click, so the browser lets it play sound.
    var context = new AudioContext();
    status("Getting a ticket…");
    return fetch("/admin/softphone-ticket", { method: "POST", credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf || "" } }).then(function (r) {
      return r.json().then(function (json) {
        if (!r.ok) { throw new Error(json.error || ("HTTP " + r.status)); }
        return json;
      });
    }).then(function (ticket) {
      status("Asking for the microphone…");
      // Echo cancellation keeps the reply out of the microphone (barge-in would hear it), at some cost to the
      // caller's voice, so a headset user may turn it off; noise suppression and
      // gain control are left to the server's recogniser, which hears telephone audio better unprocessed.
      return navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: $("echo").checked, noiseSuppression: false,
        autoGainControl: false, channelCount: 1 } }).then(function (stream) { return { ticket: ticket, stream: stream }; });
    }).then(function (got) {
      return context.audioWorklet.addModule("/try/softphone-worklet.js").then(function () {
        var ws = new WebSocket(got.ticket.media_url);
        var c = new Call(ws, context, got.stream);
        call = c;
        ws.onopen = function () {
          var params = { ticket: got.ticket.ticket };
          if (from) { params.From = from; }
          c.send({ event: "connected", protocol: "Call", version: "1.0.0" });
          c.send({ event: "start", start: { streamSid: c.streamSid, callSid: "browser", tracks: ["inbound"],
            mediaFormat: { encoding: "audio/x-mulaw", sampleRate: 8000, channels: 1 }, customParameters: params } });
          var mic = context.createMediaStreamSource(got.stream);
          var capture = new AudioWorkletNode(context, "softphone-capture");
          c.capture = capture;
          capture.port.postMessage({ muted: muted });
          var chunk = 0;
          capture.port.onmessage = function (e) {
            chunk++;
            c.send({ event: "media", media: { track: "inbound", chunk: String(chunk), timestamp: String(chunk * 20),
              payload: base64(e.data.frame) } });
            counter("sent", 20);
            level(e.data.level);
          };
          mic.connect(capture);
          // The graph runs only what reaches the output: a silent path keeps the capture pulled.
          var mute = context.createGain();
          mute.gain.value = 0;
          capture.connect(mute);
          mute.connect(context.destination);
          context.resume();
          $("hang-up").disabled = false;
          status("Connected — the receptionist will answer.");
        };
        ws.onmessage = function (e) {
          var msg;
          try { msg = JSON.parse(e.data); } catch (err) { return; }
          if (msg.event === "media" && msg.media) { c.play(msg.media.payload); }
          else if (msg.event === "mark" && msg.mark) { c.mark(msg.mark.name); }
          else if (msg.event === "clear") { c.clear(); }
        };
        ws.onclose = function (e) {
          c.end(e.code === 1000 ? "Call ended." : "Call ended (" + e.code + (e.reason ? ": " + e.reason : "") + ").");
        };
        ws.onerror = function () { status("The connection to the media server failed."); };
      });
    }).catch(function (err) {
      if (!call) { context.close(); }
      $("call").disabled = false;
      status("Could not place the call: " + err.message);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fetch("/admin/session", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) { $("signed-out").hidden = false; $("call").disabled = true; return; }
      return r.json().then(function (json) { csrf = json.csrf_token; });
    });
    $("call-form").addEventListener("submit", function (e) {
      e.preventDefault();
      if (!call) { placeCall($("from").value.trim()); }
    });
    $("hang-up").addEventListener("click", function () { if (call) { call.end(); } });
    $("mute").addEventListener("click", function () { setMuted(!muted); });
    document.querySelectorAll(".keypad button").forEach(function (b) {
      b.addEventListener("click", function () {
        if (call) { call.send({ event: "dtmf", dtmf: { track: "inbound_track", digit: b.dataset.digit } }); }
      });
    });
  });
})();
