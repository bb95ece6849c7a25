/*
 * The guide's checklist: ticks saved in this browser's localStorage under each
 * task's stable id, a counter, a reset, a carry-over code (the path chooser is chooser.js).
 * Nothing is sent anywhere: there is no server.
 */
(function () {
  "use strict";

  var HIG = window.HIG; /* overrides/partials/hig-head.html: the storage key, plurals, the progress box */
  var STORE_KEY = HIG.key;
  var SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
  var CODE_VERSION = "2"; /* 2: ticks and reminder dates; 1 (ticks only) is still read */
  var DATE = /^date:([a-z0-9-]+)=(\d{4}-\d{2}-\d{2})$/;

  /* The ticks of this visit, once the browser refuses to store them (storage disabled, blocked or full). */
  var memory = null;

  function keepInMemory(ticks) {
    memory = Object.assign({}, ticks);
    warnOnce();
  }

  function load() {
    if (memory) return Object.assign({}, memory);
    var text;
    try {
      text = window.localStorage.getItem(STORE_KEY);
    } catch (e) {
      keepInMemory({});
      return {};
    }
    try {
      var raw = JSON.parse(text || "{}");
      return raw && typeof raw === "object" && !Array.isArray(raw) ? Object.assign(Object.create(null), raw) : {};
    } catch (e) {
      return {}; /* damaged: start again */
    }
  }

  function save(ticks) {
    if (!memory) {
      try {
        window.localStorage.setItem(STORE_KEY, JSON.stringify(ticks));
        return;
      } catch (e) {
        /* refused: keep them for this visit, and say so */
      }
    }
    keepInMemory(ticks);
  }

  /* Say once, beside the first list of tasks, that the ticks will not outlive the page. */
  function warnOnce() {
    if (document.querySelector(".hig-storage-note")) return;
    var list = document.querySelector(".hig-tasks[data-no-storage]");
    if (!list) return;
    var note = document.createElement("p");
    note.className = "hig-storage-note admonition warning";
    note.setAttribute("role", "status");
    note.textContent = list.dataset.noStorage;
    var progressBox = document.querySelector(".hig-progress");
    if (progressBox) {
      progressBox.after(note);
      var saved = progressBox.querySelector(".hig-progress__saved");
      if (saved) saved.hidden = true; /* "saved in this browser" is no longer true */
    } else {
      list.before(note);
    }
  }

  var plural = HIG.plural; /* the label of an element for a count: data-NAME-one or data-NAME-other */
  var format = HIG.format;

  /* ---- Carry-over code: version, ids, checksum; no server involved. ---- */

  function checksum(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8).slice(0, 6);
  }

  function toBase64Url(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var padded = text.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary = atob(padded);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  /* True for "YYYY-MM-DD" naming a day of the calendar, from the year 1000 on. */
  function realDay(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || +m[1] < 1000) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  /* The ticked ids and the reminder dates ({step: "YYYY-MM-DD"}), as one code. */
  function encode(ids, dates) {
    var words = ids.slice().sort();
    Object.keys(dates).sort().forEach(function (step) { words.push("date:" + step + "=" + dates[step]); });
    var body = toBase64Url(words.join(" "));
    return CODE_VERSION + "." + body + "." + checksum(CODE_VERSION + "." + body);
  }

  /* Returns {ids: [...], dates: {...}} or {error: "bad" | "old"}. */
  function decode(code) {
    var parts = String(code).trim().split(".");
    if (parts.length !== 3) return { error: "bad" };
    if (parts[0] !== CODE_VERSION && parts[0] !== "1") return { error: /^\d+$/.test(parts[0]) ? "old" : "bad" };
    if (checksum(parts[0] + "." + parts[1]) !== parts[2]) return { error: "bad" };
    try {
      var text = fromBase64Url(parts[1]);
      var ids = [];
      var dates = Object.create(null); /* no prototype: a word "constructor" or "__proto__" is a plain key */
      (text ? text.split(" ") : []).forEach(function (word) {
        var date = DATE.exec(word);
        if (date) {
          if (realDay(date[2])) dates[date[1]] = date[2]; /* 2026-02-30 or year 0000 is not kept */
        } else {
          ids.push(word);
        }
      });
      return { ids: ids, dates: dates };
    } catch (e) {
      return { error: "bad" };
    }
  }

  /* The reminder dates of this route's date fields, as stored. */
  function routeDates(ticks) {
    var dates = {};
    document.querySelectorAll(".hig-reminders input[data-from]").forEach(function (input) {
      var value = ticks["date:" + input.dataset.from];
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) dates[input.dataset.from] = value;
    });
    return dates;
  }

  /* ---- Checkboxes and counter ---- */

  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][data-task]"));
  var progress = document.querySelector(".hig-progress");
  var carry = document.querySelector(".hig-carry");

  function refresh() {
    var ticks = load();
    boxes.forEach(function (box) { box.checked = ticks[box.dataset.task] === true; });
    if (progress) HIG.progress(progress, ticks);
    /* A step just finished says so, but stays open under the student's finger; it folds on the next visit. */
    document.querySelectorAll("details.hig-step__body[data-tasks]").forEach(function (body) { HIG.mark(body, ticks); });
    document.querySelectorAll(".hig-reminders input[data-from]").forEach(function (input) {
      var value = ticks["date:" + input.dataset.from];
      input.value = typeof value === "string" ? value : "";
    });
    if (carry) {
      var ids = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.task; });
      var code = encode(ids, routeDates(ticks));
      var link = location.href.split("#")[0] + "#restore=" + code;
      carry.querySelector("#carry-code").value = code;
      carry.querySelector("#carry-link").value = link;
      var qr = carry.querySelector(".hig-carry__qr");
      if (!qr.hidden) drawQr(qr, link);
    }
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var ticks = load();
      if (box.checked) ticks[box.dataset.task] = true;
      else delete ticks[box.dataset.task];
      save(ticks);
      refresh();
    });
  });

  var tools = document.querySelector(".hig-path__tools");
  if (tools) {
    tools.querySelector(".hig-reset").addEventListener("click", function (event) {
      if (!window.confirm(event.currentTarget.dataset.confirm)) return;
      var ticks = load();
      boxes.forEach(function (box) { delete ticks[box.dataset.task]; });
      /* and the dates of this route's reminders: "untick everything" leaves nothing of the route behind */
      document.querySelectorAll(".hig-reminders input[data-from]").forEach(function (input) {
        delete ticks["date:" + input.dataset.from];
      });
      save(ticks);
      refresh();
    });
    tools.querySelector(".hig-print").addEventListener("click", function () { window.print(); });
  }

  /* A link to a folded step (the progress box's, the table of contents') opens it. */
  function openTarget(id) {
    var body = document.querySelector('details.hig-step__body[data-step="' + CSS.escape(id) + '"]');
    if (body) body.open = true;
  }
  window.addEventListener("hashchange", function () { openTarget(decodeURIComponent(location.hash.slice(1))); });
  if (progress) {
    progress.querySelector(".hig-progress__go").addEventListener("click", function (event) {
      openTarget(event.currentTarget.getAttribute("href").slice(1));
    });
  }

  /* The QR code of the carry-over link, drawn by the vendored generator, loaded on demand. */
  function drawQr(holder, text) {
    if (typeof window.qrcode !== "function") {
      if (!document.getElementById("hig-qr-lib") && SCRIPT_SRC) {
        var lib = document.createElement("script");
        lib.id = "hig-qr-lib";
        lib.src = new URL("vendor/qrcode-generator-2.0.4.js", SCRIPT_SRC).href;
        lib.onload = function () { drawQr(holder, holder.dataset.pending); };
        document.head.appendChild(lib);
      }
      holder.dataset.pending = text;
      return;
    }
    var qr = window.qrcode(0, "M");
    qr.addData(text);
    qr.make();
    holder.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
  }

  /* Apply a code: ticks are added, never removed; unknown ids are reported. */
  function restore(code) {
    var message = carry.querySelector(".hig-carry__message");
    var result = decode(code);
    if (result.error) {
      message.textContent = message.dataset[result.error];
      return;
    }
    /* Sets, not objects: an id is only ever one of this page's tasks or fields, never a property that every
       object has ("__proto__", "constructor", "toString"). */
    var known = new Set(boxes.map(function (box) { return box.dataset.task; }));
    var ticks = load();
    var applied = 0;
    var unknown = 0;
    var fields = new Set();
    document.querySelectorAll(".hig-reminders input[data-from]").forEach(function (input) { fields.add(input.dataset.from); });
    Object.keys(result.dates).forEach(function (step) {
      if (fields.has(step)) ticks["date:" + step] = result.dates[step]; /* a date of this route's reminders */
    });
    result.ids.forEach(function (id) {
      if (!id) return;
      if (known.has(id)) {
        if (ticks[id] !== true) applied++;
        ticks[id] = true;
      } else {
        unknown++;
      }
    });
    save(ticks);
    refresh();
    var text = format(plural(message, "done", applied), { count: applied });
    if (unknown) text += " " + format(plural(message, "unknown", unknown), { count: unknown });
    message.textContent = text;
  }

  if (carry) {
    /* The QR generator is loaded only when asked for: most visitors never need it. */
    carry.querySelector(".hig-carry__show-qr").addEventListener("click", function (event) {
      var qr = carry.querySelector(".hig-carry__qr");
      qr.hidden = !qr.hidden;
      event.currentTarget.setAttribute("aria-expanded", String(!qr.hidden));
      if (!qr.hidden) drawQr(qr, carry.querySelector("#carry-link").value);
    });
    carry.querySelector(".hig-carry__apply").addEventListener("click", function () {
      restore(carry.querySelector("#carry-input").value);
    });
    var match = location.hash.match(/^#restore=(.+)$/);
    if (match) {
      history.replaceState(null, "", location.pathname + location.search);
      var code = match[1];
      try {
        code = decodeURIComponent(code);
      } catch (e) {
        /* a damaged link: decode() then says the code is not valid */
      }
      restore(code);
    }
  }

  /* A change of language on a path page keeps the answers (and their advice, shown by hig-head.html) and the
     step the student was at: the same page in the other language, with the same query and anchor. The theme
     would go to its sitemap's address for the page, without them: this link's own click goes first. */
  if (progress || document.querySelector(".hig-advice")) {
    document.querySelectorAll("a.md-select__link").forEach(function (a) {
      a.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        event.stopPropagation();
        location.href = a.getAttribute("href").split(/[?#]/)[0] + location.search + location.hash;
      });
    });
  }

  /* Reminders: a date for each step a delay counts from, kept beside the ticks ("date:<step>"); the calendar
     file is made by reminders.js (HIG.remind), fetched on the first click. */
  var remind = document.querySelector(".hig-reminders");

  function makeCalendar() {
    if (typeof HIG.remind === "function") return HIG.remind(remind);
    if (!document.getElementById("hig-reminders-lib") && SCRIPT_SRC) {
      var lib = document.createElement("script");
      lib.id = "hig-reminders-lib";
      lib.src = new URL("reminders.js", SCRIPT_SRC).href;
      lib.onload = makeCalendar;
      document.head.appendChild(lib);
    }
  }

  if (remind) {
    var stored = load();
    remind.querySelectorAll("input[data-from]").forEach(function (input) {
      var key = "date:" + input.dataset.from;
      if (typeof stored[key] === "string") input.value = stored[key];
      input.addEventListener("change", function () {
        var ticks = load();
        if (input.value) ticks[key] = input.value;
        else delete ticks[key];
        save(ticks);
        refresh(); /* the carry-over code holds the dates too */
      });
    });
    remind.querySelector(".hig-reminders__form").hidden = false;
    remind.querySelector(".hig-reminders__make").addEventListener("click", makeCalendar);
  }

  refresh();
  window.addEventListener("storage", function (event) { if (event.key === STORE_KEY) refresh(); });
})();
