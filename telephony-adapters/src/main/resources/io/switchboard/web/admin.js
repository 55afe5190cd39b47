/* Switchboard owner dashboard: a small front end over the documented admin JSON APIs. No build step, no
 * third-party code. The session cookie is HttpOnly; changes carry the session's CSRF token in X-CSRF-Token. */
(function () {
  "use strict";
  var csrf = null;
  var zone = null;
  var today = null;   // the business's date, from the server
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; }
      else if (k === "class") { node.className = attrs[k]; }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); } });
    return node;
  }

  function api(method, path, body) {
    var headers = { "Accept": "application/json" };
    if (method !== "GET") { headers["X-CSRF-Token"] = csrf || ""; }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(path, { method: method, headers: headers, credentials: "same-origin", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
      if (r.status === 401) { showSignIn(); throw new Error("signed out"); }
      if (r.status === 204) { return null; }
      return r.json().then(function (json) {
        if (!r.ok) { throw new Error(json.error || ("HTTP " + r.status)); }
        return json;
      });
    });
  }

  function status(text) { $("status").textContent = text; }

  function showSignIn() {
    $("dashboard").hidden = true; $("nav").hidden = true; $("sign-in").hidden = false;
    $("token").focus();
  }

  function showDashboard() {
    $("sign-in").hidden = true; $("dashboard").hidden = false; $("nav").hidden = false;
    refresh();
  }

  function timeOf(iso) { return iso ? iso.slice(11, 16) : ""; }
  function dayOf(iso) { return iso ? iso.slice(0, 10) : ""; }
  function when(iso) { return iso ? iso.slice(0, 10) + " " + iso.slice(11, 16) : ""; }

  function refresh() {
    status("Loading…");
    return api("GET", "/v1/calls?days=7").then(function (calls) {
      zone = calls.timezone;
      renderConversations(calls.calls);
      var end = new Date(Date.parse(today + "T12:00:00Z") + 7 * 86400000).toISOString().slice(0, 10);
      return Promise.all([
        api("GET", "/v1/appointments?from=" + today + "&to=" + end).then(function (a) { renderCalendar(a, today); }),
        api("GET", "/v1/missed-calls?days=30").then(renderCallbacks),
        api("GET", "/v1/calendar-pushes").then(renderPushes),
        api("GET", "/v1/owner-alerts?days=7").then(renderAlerts),
        api("GET", "/v1/business/settings").then(renderSettings),
        loadMetrics()
      ]);
    }).then(function () { status("Up to date at " + new Date().toLocaleTimeString()); })
      .catch(function (e) { if (e.message !== "signed out") { status("Could not load: " + e.message); } });
  }

  function renderCalendar(body, today) {
    var days = $("days");
    days.textContent = "";
    var byDay = {};
    body.appointments.forEach(function (a) { (byDay[dayOf(a.start)] = byDay[dayOf(a.start)] || []).push(a); });
    for (var d = new Date(body.from + "T12:00:00Z"); ; d = new Date(d.getTime() + 86400000)) {
      var key = d.toISOString().slice(0, 10);
      if (key > body.to) { break; }
      var label = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "short", timeZone: "UTC" })
        .format(d);
      var list = byDay[key] || [];
      var box = el("section", { class: "day" + (key === today ? " today" : ""), "aria-label": label, "data-date": key },
        [el("h3", { text: (key === today ? "Today · " : "") + label })]);
      if (!list.length) { box.appendChild(el("p", { class: "hint", text: "No bookings" })); }
      list.forEach(function (a) {
        var summary = el("summary", {}, [timeOf(a.start) + "–" + timeOf(a.end) + " " + (a.customer.name || "?") + " · " +
          a.service_name, a.emergency ? el("span", { class: "badge", text: "Emergency" }) : null]);
        var details = el("details", { class: "booking" + (a.emergency ? " emergency" : "") +
          (a.status === "cancelled" ? " cancelled" : ""), "data-id": a.id }, [summary,
          el("p", { text: "Phone: " + (a.customer.phone || "–") }),
          a.address ? el("p", { text: "Address: " + a.address }) : null,
          a.problem ? el("p", { text: "Problem: " + a.problem }) : null,
          el("p", { text: "Booked by " + a.channel + " · " + a.status })]);
        box.appendChild(details);
      });
      days.appendChild(box);
    }
  }

  function renderConversations(calls) {
    var body = $("conversation-table").querySelector("tbody");
    body.textContent = "";
    if (!calls.length) {
      body.appendChild(el("tr", {}, [el("td", { colspan: "6", text: "No calls or conversations in the last 7 days" })]));
    }
    calls.forEach(function (c) {
      var button = el("button", { type: "button", class: "secondary", "data-id": c.id, text: "Show" });
      button.addEventListener("click", function () { showTranscript(c.id); });
      body.appendChild(el("tr", { "data-id": c.id }, [el("td", { text: when(c.started_at) }), el("td", { text: c.channel }),
        el("td", { text: c.caller_phone || "withheld" }), el("td", { text: c.outcome.replace("_", " ") }),
        el("td", { text: String(c.turns) }), el("td", {}, [button])]));
    });
  }

  function showTranscript(id) {
    api("GET", "/v1/calls/" + encodeURIComponent(id)).then(function (c) {
      var box = $("transcript");
      box.textContent = "";
      box.appendChild(el("h3", { text: c.channel + " · " + when(c.started_at) + " · " + c.outcome.replace("_", " ") +
        " · " + c.duration_seconds + " s" }));
      c.turns.forEach(function (t) {
        var lat = t.latency_ms || {};
        var parts = [];
        ["total", "stt", "dialog", "tts"].forEach(function (k) { if (lat[k] !== null && lat[k] !== undefined) { parts.push(k + " " + lat[k] + " ms"); } });
        var turn = el("div", { class: "turn" });
        if (t.heard) { turn.appendChild(el("p", {}, [el("span", { class: "who", text: "Caller: " }), t.heard])); }
        turn.appendChild(el("p", {}, [el("span", { class: "who", text: "Receptionist: " }), t.said,
          parts.length ? el("span", { class: "lat", text: " (" + parts.join(", ") + ")" }) : null]));
        box.appendChild(turn);
      });
      box.hidden = false;
      box.focus();
    }).catch(function (e) { status("Could not load the transcript: " + e.message); });
  }

  function renderCallbacks(body) {
    var list = $("callback-list");
    list.textContent = "";
    if (!body.missed_calls.length) { list.appendChild(el("li", { text: "Nobody is waiting for a call back." })); }
    body.missed_calls.forEach(function (m) {
      var item = el("li", { class: m.done_at ? "done" : "", "data-id": m.call_sid },
        [(m.caller_phone || "withheld number") + " · missed " + when(m.missed_at) + " (" + m.reason + ")" +
          (m.texted_back ? " · texted back" : "") + " "]);
      if (m.done_at) {
        item.appendChild(el("span", { text: "Done " + when(m.done_at) }));
      } else {
        var done = el("button", { type: "button", text: "Done", "aria-label": "Mark call back to " +
          (m.caller_phone || "withheld number") + " as done" });
        done.addEventListener("click", function () {
          done.disabled = true;
          api("POST", "/v1/missed-calls/" + encodeURIComponent(m.call_sid) + "/done")
            .then(function () { return api("GET", "/v1/missed-calls?days=30"); })
            .then(renderCallbacks).then(function () { status("Marked as called back."); })
            .catch(function (e) { done.disabled = false; status("Could not mark it done: " + e.message); });
        });
        item.appendChild(done);
      }
      list.appendChild(item);
    });
  }

  function renderPushes(body) {
    var list = $("push-list");
    list.textContent = "";
    if (!body.pushes.length) { list.appendChild(el("li", { text: "Every calendar change was delivered." })); }
    body.pushes.forEach(function (p) {
      list.appendChild(el("li", {}, [p.change + " of appointment " + p.appointment_id.slice(0, 8) + " · " +
        p.attempts + " attempts" + (p.parked ? " · parked until " + when(p.retry_after) : "") +
        (p.last_error ? " · " + p.last_error : "")]));
    });
  }

  function renderAlerts(body) {
    var list = $("alert-list");
    list.textContent = "";
    if (!body.alerts.length) { list.appendChild(el("li", { text: "No owner alerts in the last 7 days." })); }
    body.alerts.forEach(function (a) {
      list.appendChild(el("li", { class: a.status === "sent" ? "" : "pending" }, [when(a.created_at) + " · " + a.channel +
        " · " + (a.caller_name || "unknown caller") + (a.problem ? " · " + a.problem : "") + " · " + a.status +
        (a.last_error ? " (" + a.last_error + ")" : "")]));
    });
  }

  var DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

  /* The owner's hours, blackout days and FAQ answers; the server checks them like the profile file and names the
   * field it refuses, so its message is shown as it is. */
  function renderSettings(s) {
    $("settings-zone").textContent = s.timezone;
    var hours = $("hours-fields");
    hours.textContent = "";
    DAYS.forEach(function (d) {
      hours.appendChild(el("label", { "for": "hours-" + d }, [d.charAt(0).toUpperCase() + d.slice(1)]));
      hours.appendChild(el("input", { id: "hours-" + d, type: "text", value: s.hours[d].join(", ") }));
    });
    $("blackouts").value = s.blackout_dates.join("\n");
    var faq = $("faq-fields");
    faq.textContent = "";
    s.faq.forEach(function (f) {
      var id = "faq-" + f.topic;
      var text = el("textarea", { id: id, rows: "2" }, [f.answer]);
      var save = el("button", { type: "button", id: "save-" + id }, ["Save answer"]);
      save.addEventListener("click", function () {
        saveSettings("PUT", "/v1/business/faq/" + encodeURIComponent(f.topic), { answer: text.value },
          "Answer for " + f.topic + " saved.");
      });
      faq.appendChild(el("div", { "class": "faq" }, [el("label", { "for": id }, [f.topic + (f.changed ? " (changed)" : "")]),
        text, save]));
    });
  }

  function saveSettings(method, path, body, done) {
    $("settings-result").textContent = "Saving…";
    return api(method, path, body).then(function (s) {
      renderSettings(s);
      $("settings-result").textContent = done;
    }).catch(function (e) { $("settings-result").textContent = "Not saved: " + e.message; });
  }

  function lines(text, separator) {
    return text.split(separator).map(function (t) { return t.trim(); }).filter(function (t) { return t !== ""; });
  }

  function loadMetrics() {
    var days = document.querySelector("input[name=period]:checked").value;
    return api("GET", "/v1/conversation-metrics?days=" + days).then(renderMetrics);
  }

  function renderMetrics(m) {
    var body = $("metrics-table").querySelector("tbody");
    body.textContent = "";
    m.channels.forEach(function (c) {
      var errors = Object.keys(c.errors).map(function (k) { return k + " " + c.errors[k]; }).join(", ") || "none";
      body.appendChild(el("tr", { "data-channel": c.channel }, [el("td", { text: c.channel }),
        el("td", { text: String(c.conversations) }), el("td", { text: String(c.booked) }),
        el("td", { text: Math.round(c.conversion * 100) + " %" }),
        el("td", { text: c.median_seconds_to_booking === null ? "–" : c.median_seconds_to_booking + " s" }),
        el("td", { text: errors })]));
    });
    var ns = "http://www.w3.org/2000/svg";
    var w = 600, h = 120, n = m.daily.length, max = 1;
    m.daily.forEach(function (d) { max = Math.max(max, d.conversations); });
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + (h + 16));
    svg.setAttribute("width", "100%");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", m.daily.map(function (d) { return d.date + ": " + d.conversations + " conversations, " +
      d.booked + " booked"; }).join("; "));
    m.daily.forEach(function (d, i) {
      var bw = w / n;
      [["bar-all", d.conversations], ["bar-booked", d.booked]].forEach(function (b) {
        var r = document.createElementNS(ns, "rect");
        var bh = h * b[1] / max;
        r.setAttribute("class", b[0]);
        r.setAttribute("x", String(i * bw + 1));
        r.setAttribute("width", String(Math.max(1, bw - 2)));
        r.setAttribute("y", String(h - bh));
        r.setAttribute("height", String(bh));
        svg.appendChild(r);
      });
    });
    var chart = $("chart");
    chart.textContent = "";
    chart.appendChild(svg);
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("sign-in-form").addEventListener("submit", function (e) {
      e.preventDefault();
      $("sign-in-error").textContent = "";
      fetch("/admin/session", { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify({ token: $("token").value }) }).then(function (r) {
        return r.json().then(function (json) {
          if (!r.ok) { throw new Error(json.error || "sign-in failed"); }
          csrf = json.csrf_token;
          today = json.today;
          $("token").value = "";
          showDashboard();
        });
      }).catch(function (err) { $("sign-in-error").textContent = err.message; $("token").focus(); });
    });
    $("hours-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var hours = {};
      DAYS.forEach(function (d) { hours[d] = lines($("hours-" + d).value, ","); });
      saveSettings("PUT", "/v1/business/hours", { hours: hours }, "Opening hours saved.");
    });
    $("blackouts-form").addEventListener("submit", function (e) {
      e.preventDefault();
      saveSettings("PUT", "/v1/business/blackouts", { blackout_dates: lines($("blackouts").value, /[\n,]/) },
        "Blackout days saved.");
    });
    $("sign-out").addEventListener("click", function () {
      api("DELETE", "/admin/session").then(function () { csrf = null; showSignIn(); });
    });
    document.querySelectorAll("input[name=period]").forEach(function (r) { r.addEventListener("change", loadMetrics); });
    fetch("/admin/session", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) { showSignIn(); return; }
      return r.json().then(function (json) { csrf = json.csrf_token; today = json.today; showDashboard(); });
    }).catch(showSignIn);
  });
})();
