/* Wegwijs editors' tools: live B1 feedback and preview on the card form. No inline script; CSP-friendly. */
(function () {
  "use strict";

  var form = document.getElementById("card-form");
  if (!form) return;
  var body = document.getElementById("f-body");
  var marked = document.getElementById("b1-marked");
  var list = document.getElementById("b1-problems");
  var summary = document.getElementById("b1-summary");
  var preview = document.getElementById("preview");
  var timer = null;
  var seq = 0;

  function fields() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.name !== "action" && el.name !== "base_sha") data[el.name] = el.value;
    });
    data.existing = form.dataset.existing === "1";
    data.card_id = form.dataset.card || data.id || "";
    return data;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The body with long sentences, rare words and "je/jij" marked (offsets from the checker).
  function renderMarks(text, marks) {
    marked.textContent = "";
    var kinds = {"sentence-too-long": "long", "rare-word": "rare", "informal-address": "informal"};
    var inner = marks.filter(function (m) { return m.kind !== "sentence-too-long"; })
      .sort(function (a, b) { return a.start - b.start; });
    var longs = marks.filter(function (m) { return m.kind === "sentence-too-long"; });
    var pos = 0;
    function inLong(i) {
      for (var k = 0; k < longs.length; k++) if (i >= longs[k].start && i < longs[k].end) return longs[k];
      return null;
    }
    // split the text at every mark boundary, then wrap each piece
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (c, i, all) { return c >= 0 && c <= text.length && all.indexOf(c) === i; })
      .sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var piece = text.slice(a, b);
      var word = null;
      for (var k = 0; k < inner.length; k++) if (a >= inner[k].start && b <= inner[k].end) { word = inner[k]; break; }
      var node = document.createTextNode(piece);
      if (word) {
        var w = el("mark", kinds[word.kind]);
        w.title = word.message;
        w.appendChild(node);
        node = w;
      }
      var long = inLong(a);
      if (long) {
        var l = el("mark", "long");
        l.title = long.message;
        l.appendChild(node);
        node = l;
      }
      marked.appendChild(node);
      pos = b;
    }
    if (pos < text.length) marked.appendChild(document.createTextNode(text.slice(pos)));
  }

  function renderProblems(problems) {
    list.textContent = "";
    problems.forEach(function (p) {
      var li = el("li", p.severity === "error" ? "error" : "warning");
      li.appendChild(el("strong", "", (p.severity === "error" ? "Fout – " : "Let op – ") + (p.label || p.field) + ": "));
      li.appendChild(document.createTextNode(p.message));
      list.appendChild(li);
    });
  }

  // As the citizen sees it: paragraphs, list items and headings as plain text (like the chat widget).
  function renderPreview(text) {
    preview.textContent = "";
    text.split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n");
      if (lines.every(function (l) { return /^\s*([-*+•]|\d{1,3}[.)])\s+/.test(l); })) {
        var ul = el("ul");
        lines.forEach(function (l) { ul.appendChild(el("li", "", l.replace(/^\s*([-*+•]|\d{1,3}[.)])\s+/, ""))); });
        preview.appendChild(ul);
      } else if (/^#{1,6}\s/.test(block)) {
        preview.appendChild(el("h3", "", block.replace(/^#{1,6}\s+/, "")));
      } else if (block.trim()) {
        preview.appendChild(el("p", "", block.replace(/\*\*|__|`/g, "")));
      }
    });
  }

  function check() {
    var mine = ++seq;
    renderPreview(body.value.trim());
    fetch("/editor/api/check", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify(fields())
    }).then(function (r) {
      if (r.status === 401) { summary.textContent = "U bent uitgelogd. Log opnieuw in; bewaar eerst uw tekst ergens anders."; return null; }
      return r.ok ? r.json() : null;
    }).then(function (result) {
      if (!result || mine !== seq) return;
      renderMarks(result.body || "", result.marks || []);
      renderProblems(result.problems || []);
      var errors = (result.problems || []).filter(function (p) { return p.severity === "error"; }).length;
      summary.textContent = (errors ? errors + (errors === 1 ? " fout" : " fouten") + " – publiceren kan nog niet. "
                                    : "Geen fouten – u kunt publiceren. ") + (result.summary || "");
      summary.className = errors ? "error" : "ok";
    }).catch(function () { summary.textContent = "De taalhulp is nu niet bereikbaar."; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  check();
})();
