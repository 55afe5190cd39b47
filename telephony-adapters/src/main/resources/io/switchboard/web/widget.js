/*
 * Switchboard chat widget. Add to any page:
 *   <script src="https://reception.example.com/widget.js" data-business="Example Plumbing" defer></script>
 * The page's origin must be listed in SWITCHBOARD_WEB_ORIGINS. No cookies, no trackers, no third-party requests:
 * the widget talks only to the server it was loaded from. Replies stream over POST /v1/chat/stream (server-sent
 * events); when streaming is not possible it falls back to POST /v1/chat.
 *
 * The host page may listen for the widget's progress on the script element: "switchboard:chunk" (detail: {text}),
 * "switchboard:action" (detail: the action), "switchboard:done" (detail: the turn) and "switchboard:error".
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || script.dataset.switchboardMounted) { return; }
  script.dataset.switchboardMounted = "true";
  var base = new URL(script.src, document.baseURI).origin;
  var business = script.dataset.business || "us";
  var sessionKey = "switchboard.session." + base;
  var sessionId = sessionStorage.getItem(sessionKey);
  if (!sessionId) {
    sessionId = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
    sessionStorage.setItem(sessionKey, sessionId);
  }

  var css = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
    ".bubble{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:28px;padding:14px 20px;",
    "background:#1f5fbf;color:#fff;font-size:16px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}",
    ".bubble:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}",
    ".panel{position:fixed;right:16px;bottom:80px;z-index:2147483000;width:360px;max-width:calc(100vw - 32px);",
    "height:520px;max-height:calc(100vh - 112px);display:flex;flex-direction:column;background:#fff;color:#111;",
    "border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}",
    ".panel[hidden]{display:none}",
    "header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#1f5fbf;color:#fff}",
    "h2{margin:0;font-size:16px}",
    ".close{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;font-size:15px}",
    ".msg{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}",
    ".you{align-self:flex-end;background:#1f5fbf;color:#fff}",
    ".bot{align-self:flex-start;background:#eef1f5}",
    ".bot.error{background:#fde8e8;color:#8a1c1c}",
    "form{display:flex;gap:8px;padding:10px;border-top:1px solid #ddd}",
    "label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    "input{flex:1;font-size:16px;padding:10px;border:1px solid #888;border-radius:8px;min-width:0}",
    ".send{font-size:16px;padding:10px 14px;border:0;border-radius:8px;background:#1f5fbf;color:#fff;cursor:pointer}",
    ".send[disabled]{opacity:.6;cursor:wait}",
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}"
  ].join("");

  var host = document.createElement("div");
  host.className = "switchboard-widget";
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" + css + "</style>" +
    "<button class='bubble' type='button' aria-expanded='false' aria-controls='sb-panel'></button>" +
    "<section class='panel' id='sb-panel' role='dialog' aria-modal='false' aria-labelledby='sb-title' hidden>" +
    "<header><h2 id='sb-title'></h2>" +
    "<button class='close' type='button' aria-label='Close chat'>\u00d7</button></header>" +
    "<div class='log' role='log' aria-live='polite' aria-relevant='additions text' aria-atomic='false'></div>" +
    "<form><label for='sb-input'>Your message</label>" +
    "<input id='sb-input' name='message' autocomplete='off' maxlength='1000' required>" +
    "<button class='send' type='submit'>Send</button></form></section>";
  var bubble = root.querySelector(".bubble");
  var panel = root.querySelector(".panel");
  var log = root.querySelector(".log");
  var form = root.querySelector("form");
  var input = root.querySelector("input");
  var send = root.querySelector(".send");
  bubble.textContent = "Chat with " + business;
  root.querySelector("h2").textContent = business;

  function emit(name, detail) {
    script.dispatchEvent(new CustomEvent("switchboard:" + name, { detail: detail }));
  }

  function open() {
    panel.hidden = false;
    bubble.setAttribute("aria-expanded", "true");
    if (!log.childElementCount) {
      addMessage("bot", "Hello! How can we help? You can ask a question or book an appointment.");
    }
    input.focus();
  }

  function close() {
    panel.hidden = true;
    bubble.setAttribute("aria-expanded", "false");
    bubble.focus();
  }

  function addMessage(who, text) {
    var el = document.createElement("p");
    el.className = "msg " + who;
    el.textContent = text;
    log.appendChild(el);
    log.scrollTop = log.scrollHeight;
    return el;
  }

  bubble.addEventListener("click", function () { panel.hidden ? open() : close(); });
  root.querySelector(".close").addEventListener("click", close);
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { close(); } });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text || send.disabled) { return; }
    input.value = "";
    addMessage("you", text);
    send.disabled = true;
    var reply = addMessage("bot", "");
    reply.setAttribute("aria-busy", "true");
    var body = JSON.stringify({ session_id: sessionId, channel: "web", text: text });
    streamTurn(body, reply)
      .catch(function (err) {
        if (err && err.status) { throw err; }
        return plainTurn(body, reply);
      })
      .catch(function (err) {
        reply.className = "msg bot error";
        reply.textContent = (err && err.message) || "Sorry, the message could not be sent. Please try again.";
        emit("error", { message: reply.textContent });
      })
      .then(function () {
        reply.removeAttribute("aria-busy");
        send.disabled = false;
        input.focus();
      });
  });

  function refused(response) {
    return response.json().catch(function () { return {}; }).then(function (json) {
      var err = new Error(response.status === 429 ? "You are sending messages quickly; please wait a moment."
        : (json.error || "Sorry, something went wrong. Please try again."));
      err.status = response.status;
      throw err;
    });
  }

  /* POST /v1/chat/stream: shows each chunk as it arrives. Rejects without a status when streaming is unavailable. */
  function streamTurn(body, reply) {
    if (!window.ReadableStream || !window.TextDecoder) { return Promise.reject(new Error("no streams")); }
    return fetch(base + "/v1/chat/stream", {
      method: "POST", headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: body, credentials: "omit", cache: "no-store"
    }).then(function (response) {
      if (!response.ok) {
        if (response.status >= 500 || response.status === 404) { throw new Error("stream unavailable"); }
        return refused(response);
      }
      if (!response.body) { throw new Error("no body stream"); }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      var finished = false;
      function handle(block) {
        var name = "message", data = "";
        block.split("\n").forEach(function (line) {
          if (line.indexOf("event:") === 0) { name = line.slice(6).trim(); }
          else if (line.indexOf("data:") === 0) { data += line.slice(5).trim(); }
        });
        if (!data) { return; }
        var json = JSON.parse(data);
        if (name === "chunk") {
          reply.textContent += json.text;
          log.scrollTop = log.scrollHeight;
          emit("chunk", json);
        } else if (name === "action") {
          emit("action", json);
        } else if (name === "done") {
          finished = true;
          reply.textContent = json.reply;
          emit("done", json);
        } else if (name === "error") {
          finished = true;
          var err = new Error(json.error || "Sorry, something went wrong.");
          err.status = 500;
          throw err;
        }
      }
      function pump() {
        return reader.read().then(function (step) {
          if (step.value) {
            buffer += decoder.decode(step.value, { stream: true });
            var at;
            while ((at = buffer.indexOf("\n\n")) >= 0) {
              handle(buffer.slice(0, at));
              buffer = buffer.slice(at + 2);
            }
          }
          if (step.done) {
            if (!finished) {
              var err = new Error("The reply was cut off. Please try again.");
              err.status = 502;
              throw err;
            }
            return;
          }
          return pump();
        });
      }
      return pump();
    });
  }

  /* POST /v1/chat: the whole reply at once. */
  function plainTurn(body, reply) {
    return fetch(base + "/v1/chat", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: body,
      credentials: "omit", cache: "no-store"
    }).then(function (response) {
      if (!response.ok) { return refused(response); }
      return response.json().then(function (json) {
        reply.textContent = json.reply;
        emit("done", json);
      });
    });
  }

  function mount() { document.body.appendChild(host); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
