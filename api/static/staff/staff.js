/* Wegwijs staff console: live queue over /staff/ws, claim, chat, notes, cards, hand back, close.
   No inline script: the pages work under a strict Content-Security-Policy. HTML pushed by the
   server (queue, messages) is rendered by Jinja with autoescaping; everything typed here is sent
   as JSON and shown with textContent. */
(function () {
  "use strict";

  var body = document.body;
  var page = body.getAttribute("data-page");
  var me = body.getAttribute("data-me");
  var serverOffset = 0; // server clock minus browser clock, ms
  var conversationEl = document.getElementById("conversation");
  var conversationId = conversationEl ? conversationEl.getAttribute("data-conversation-id") : null;

  function $(id) { return document.getElementById(id); }

  function showAlert(text, kind) {
    var el = $("alert");
    if (!el) { return; }
    el.textContent = text;
    el.className = "alert" + (kind ? " alert-" + kind : "");
    el.hidden = !text;
  }

  function api(method, url, payload) {
    var options = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (payload !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(payload);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 401) { window.location.href = "/staff/login?next=" + encodeURIComponent(location.pathname); }
        if (!response.ok) {
          var detail = typeof data.detail === "string" ? data.detail : "Dat lukte niet (fout " + response.status + ").";
          var error = new Error(detail);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  /* --- waiting times ---------------------------------------------------------------------- */

  function formatWait(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var m = Math.floor(s / 60);
    if (m < 1) { return "wacht " + s + " s"; }
    if (m < 60) { return "wacht " + m + " min " + (s % 60) + " s"; }
    return "wacht " + Math.floor(m / 60) + " u " + (m % 60) + " min";
  }

  function tick() {
    var now = Date.now() + serverOffset;
    var els = document.querySelectorAll(".wait[data-since]");
    for (var i = 0; i < els.length; i++) {
      var since = Date.parse(els[i].getAttribute("data-since"));
      if (!isNaN(since)) {
        els[i].textContent = formatWait(now - since);
        els[i].classList.toggle("long", now - since > 5 * 60 * 1000);
      }
    }
  }

  /* --- live updates ------------------------------------------------------------------------ */

  function setConnection(state, text) {
    var el = $("connection");
    if (el) { el.setAttribute("data-state", state); el.textContent = text; }
  }

  function markMine() {
    var items = document.querySelectorAll("#active [data-claimed-by]");
    for (var i = 0; i < items.length; i++) {
      items[i].classList.toggle("mine", items[i].getAttribute("data-claimed-by") === me);
    }
  }

  function appendMessage(html, id) {
    var list = $("transcript");
    if (!list || list.querySelector('[data-message-id="' + id + '"]')) { return; }
    // keep the order of the database (message ids), whatever order the pushes arrive in
    var later = null;
    var items = list.querySelectorAll("[data-message-id]");
    for (var i = 0; i < items.length; i++) {
      if (Number(items[i].getAttribute("data-message-id")) > id) { later = items[i]; break; }
    }
    if (later) {
      later.insertAdjacentHTML("beforebegin", html);
    } else {
      list.insertAdjacentHTML("beforeend", html);
      list.lastElementChild.scrollIntoView({ block: "nearest" });
    }
  }

  function onQueue(msg) {
    serverOffset = Date.parse(msg.server_time) - Date.now();
    if (page === "queue") {
      $("queue").innerHTML = msg.html.queue;
      $("active").innerHTML = msg.html.active;
      $("queue-count").textContent = String(msg.count);
      $("callbacks-open").textContent = String(msg.callbacks_open);
      $("online").textContent = msg.online.length ? msg.online.join(", ") : "Niemand";
      markMine();
      tick();
    }
    document.title = (msg.count ? "(" + msg.count + ") " : "") + document.title.replace(/^\(\d+\) /, "");
  }

  function onMessage(msg) {
    if (conversationId && msg.conversation_id === conversationId) {
      appendMessage(msg.html, msg.message.id);
    }
  }

  function onNote(msg) {
    var list = $("notes");
    if (conversationId && msg.conversation_id === conversationId && list &&
        !list.querySelector('[data-note-id="' + msg.note.id + '"]')) {
      list.insertAdjacentHTML("beforeend", msg.html);
    }
  }

  function onConversation(msg) {
    if (!conversationId || msg.conversation_id !== conversationId) { return; }
    if (String(msg.staff_id) === me) { return; } // our own action reloads the page itself
    var reply = $("reply");
    if (!reply || !reply.value) {
      window.location.reload();
    } else {
      showAlert("Dit gesprek is veranderd (" + msg.staff_name + "). Herlaad de pagina.", "info");
    }
  }

  var retry = 500;
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/staff/ws");
    var pinger = null;
    socket.addEventListener("open", function () {
      retry = 500;
      setConnection("online", "Verbonden");
      pinger = setInterval(function () { if (socket.readyState === 1) { socket.send("ping"); } }, 25000);
    });
    socket.addEventListener("message", function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (msg.type === "queue") { onQueue(msg); }
      else if (msg.type === "message") { onMessage(msg); }
      else if (msg.type === "note") { onNote(msg); }
      else if (msg.type === "conversation") { onConversation(msg); }
    });
    socket.addEventListener("close", function (event) {
      clearInterval(pinger);
      setConnection("offline", "Niet verbonden");
      if (event.code === 4401 || event.code === 4403) {
        window.location.href = "/staff/login?next=" + encodeURIComponent(location.pathname);
        return;
      }
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    });
  }

  /* --- actions ------------------------------------------------------------------------------ */

  function claim(id, button) {
    if (button) { button.disabled = true; }
    api("POST", "/staff/api/conversations/" + encodeURIComponent(id) + "/claim").then(function () {
      window.location.href = "/staff/conversations/" + encodeURIComponent(id);
    }).catch(function (error) {
      if (button) { button.disabled = false; }
      showAlert(error.message, "error");
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) { return; }
    if (target.hasAttribute("data-claim")) {
      claim(target.getAttribute("data-claim"), target);
    } else if (target.id === "handback") {
      target.disabled = true;
      api("POST", "/staff/api/conversations/" + encodeURIComponent(conversationId) + "/handback").then(function () {
        window.location.reload();
      }).catch(function (error) { target.disabled = false; showAlert(error.message, "error"); });
    } else if (target.hasAttribute("data-insert-card")) {
      insertCard(target.getAttribute("data-insert-card"));
    } else if (target.hasAttribute("data-callback-done") || target.hasAttribute("data-callback-open")) {
      var done = target.hasAttribute("data-callback-done");
      var cb = target.getAttribute(done ? "data-callback-done" : "data-callback-open");
      api("POST", "/staff/api/callbacks/" + encodeURIComponent(cb) + "/status", { status: done ? "done" : "open" })
        .then(function () { window.location.reload(); })
        .catch(function (error) { showAlert(error.message, "error"); });
    }
  });

  function onSubmit(id, handler) {
    var form = $(id);
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); handler(form); });
    }
  }

  onSubmit("reply-form", function (form) {
    var text = $("reply").value.trim();
    if (!text) { return; }
    var payload = { text: text };
    if ($("reply-card").value) { payload.card_id = $("reply-card").value; }
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    api("POST", "/staff/api/conversations/" + encodeURIComponent(conversationId) + "/messages", payload)
      .then(function () {
        $("reply").value = "";
        $("reply-card").value = "";
        $("reply-card-label").hidden = true;
        showAlert("");
      })
      .catch(function (error) { showAlert(error.message, "error"); })
      .then(function () { button.disabled = false; $("reply").focus(); });
  });

  onSubmit("note-form", function (form) {
    var text = $("note").value.trim();
    if (!text) { return; }
    api("POST", "/staff/api/conversations/" + encodeURIComponent(conversationId) + "/notes", { text: text })
      .then(function () { $("note").value = ""; })
      .catch(function (error) { showAlert(error.message, "error"); });
  });

  onSubmit("close-form", function () {
    api("POST", "/staff/api/conversations/" + encodeURIComponent(conversationId) + "/close",
        { outcome: $("outcome").value })
      .then(function () { window.location.reload(); })
      .catch(function (error) { showAlert(error.message, "error"); });
  });

  onSubmit("card-search", function () {
    var q = $("card-q").value.trim();
    var list = $("card-results");
    if (!q) { return; }
    api("GET", "/staff/api/cards?q=" + encodeURIComponent(q)).then(function (data) {
      list.textContent = "";
      if (!data.results.length) {
        var none = document.createElement("li");
        none.textContent = "Geen kaart gevonden.";
        list.appendChild(none);
      }
      data.results.forEach(function (hit) {
        var li = document.createElement("li");
        var title = document.createElement("strong");
        title.textContent = hit.title;
        var snippet = document.createElement("p");
        snippet.textContent = hit.snippet;
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = "Invoegen";
        button.setAttribute("data-insert-card", hit.card_id);
        li.appendChild(title);
        li.appendChild(snippet);
        li.appendChild(button);
        list.appendChild(li);
      });
    }).catch(function (error) { showAlert(error.message, "error"); });
  });

  function insertCard(cardId) {
    var forConversation = conversationId ? "?conversation_id=" + encodeURIComponent(conversationId) : "";
    api("GET", "/staff/api/cards/" + encodeURIComponent(cardId) + forConversation).then(function (card) {
      var reply = $("reply");
      reply.value = (reply.value ? reply.value + "\n\n" : "") + card.body;
      $("reply-card").value = card.card_id;
      var label = $("reply-card-label");
      label.textContent = "Bron bij dit bericht: " + card.title;
      label.hidden = false;
      reply.focus();
    }).catch(function (error) { showAlert(error.message, "error"); });
  }

  /* --- admin: delete a conversation (with a confirm step) ----------------------------------- */

  if ($("delete-conversation")) {
    $("delete-conversation").addEventListener("click", function () {
      $("delete-confirm").hidden = false;
      $("delete-yes").focus();
    });
    $("delete-no").addEventListener("click", function () {
      $("delete-confirm").hidden = true;
      $("delete-conversation").focus();
    });
    $("delete-yes").addEventListener("click", function () {
      $("delete-yes").disabled = true;
      api("DELETE", "/staff/api/conversations/" + encodeURIComponent(conversationId))
        .then(function () { window.location.href = "/staff#verwijderd"; })
        .catch(function (error) { $("delete-yes").disabled = false; showAlert(error.message, "error"); });
    });
  }
  if (page === "queue" && window.location.hash === "#verwijderd") {
    showAlert("Het gesprek is verwijderd.");
  }

  if (page && page !== "login" && page !== "message") {
    connect();
    markMine();
    tick();
    setInterval(tick, 1000);
  }
}());
