/* The guide's checklist, on the pages that hold tasks: ticks saved in this browser (lib/storage.js) under each
   task's stable id, the progress box, a reset, a carry-over code with its QR code, the reminders' dates (the
   calendar file is made by reminders.js, fetched on the first click). Nothing is sent anywhere. */
import { decodeCode, encodeCode } from "./lib/carry.js";
import { loadOnce } from "./lib/load.js";
import { markStep, showProgress } from "./lib/progress.js";
import { localStore, progressStore } from "./lib/storage.js";
import { format, plural } from "./lib/text.js";

var SCRIPT_SRC = document.currentScript ? document.currentScript.src : "";
var QR_SCRIPT = "vendor/qrcode-generator-2.0.4.js"; /* beside this script */
var REMINDERS_SCRIPT = "reminders.js";
var store = progressStore(STORAGE_KEY, localStore);

function load() {
  var progress = store.load();
  if (!store.stored) warnOnce();
  return progress;
}

function save(progress) {
  if (!store.save(progress)) warnOnce();
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

var boxes = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][data-task]"));
var progressBox = document.querySelector(".hig-progress");
var carry = document.querySelector(".hig-carry");
var remind = document.querySelector(".hig-reminders");
var dateFields = Array.prototype.slice.call(document.querySelectorAll(".hig-reminders input[data-from]"));

/* The reminder dates of this route's date fields, as stored. */
function routeDates(progress) {
  var dates = {};
  dateFields.forEach(function (input) {
    var value = progress.dates[input.dataset.from];
    if (value) dates[input.dataset.from] = value;
  });
  return dates;
}

function refresh() {
  var progress = load();
  var ticks = progress.ticks;
  boxes.forEach(function (box) { box.checked = ticks[box.dataset.task] === true; });
  if (progressBox) showProgress(progressBox, ticks);
  /* A step just finished says so, but stays open under the student's finger; it folds on the next visit. */
  document.querySelectorAll("details.hig-step__body[data-tasks]").forEach(function (body) { markStep(body, ticks); });
  dateFields.forEach(function (input) { input.value = progress.dates[input.dataset.from] || ""; });
  if (carry) {
    var ids = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.task; });
    var code = encodeCode(ids, routeDates(progress));
    var link = location.href.split("#")[0] + "#restore=" + code;
    carry.querySelector("#carry-code").value = code;
    carry.querySelector("#carry-link").value = link;
    var qr = carry.querySelector(".hig-carry__qr");
    if (!qr.hidden) drawQr(qr, link);
  }
}

boxes.forEach(function (box) {
  box.addEventListener("change", function () {
    var progress = load();
    if (box.checked) progress.ticks[box.dataset.task] = true;
    else delete progress.ticks[box.dataset.task];
    save(progress);
    refresh();
  });
});

var tools = document.querySelector(".hig-path__tools");
if (tools) {
  tools.querySelector(".hig-reset").addEventListener("click", function (event) {
    if (!window.confirm(event.currentTarget.dataset.confirm)) return;
    var progress = load();
    boxes.forEach(function (box) { delete progress.ticks[box.dataset.task]; });
    /* and the dates of this route's reminders: "untick everything" leaves nothing of the route behind */
    dateFields.forEach(function (input) { delete progress.dates[input.dataset.from]; });
    save(progress);
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
if (progressBox) {
  progressBox.querySelector(".hig-progress__go").addEventListener("click", function (event) {
    openTarget(event.currentTarget.getAttribute("href").slice(1));
  });
}

/* The QR code of the carry-over link, drawn by the vendored generator, loaded on demand. */
function drawQr(holder, text) {
  if (typeof window.qrcode !== "function") {
    holder.dataset.pending = text;
    loadOnce("hig-qr-lib", QR_SCRIPT, SCRIPT_SRC, function () { drawQr(holder, holder.dataset.pending); });
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
  var result = decodeCode(code);
  if (result.error) {
    message.textContent = message.dataset[result.error];
    return;
  }
  /* Sets, not objects: an id is only ever one of this page's tasks or fields, never a property that every
     object has ("__proto__", "constructor", "toString"). */
  var known = new Set(boxes.map(function (box) { return box.dataset.task; }));
  var fields = new Set(dateFields.map(function (input) { return input.dataset.from; }));
  var progress = load();
  var applied = 0;
  var unknown = 0;
  Object.keys(result.dates).forEach(function (step) {
    if (fields.has(step)) progress.dates[step] = result.dates[step]; /* a date of this route's reminders */
  });
  result.ids.forEach(function (id) {
    if (!id) return;
    if (known.has(id)) {
      if (progress.ticks[id] !== true) applied++;
      progress.ticks[id] = true;
    } else {
      unknown++;
    }
  });
  save(progress);
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
      /* a damaged link: decodeCode() then says the code is not valid */
    }
    restore(code);
  }
}

/* A change of language on a route page keeps the answers (and their advice, shown by the head script) and the
   step the student was at: the same page in the other language, with the same query and anchor. The theme
   would go to its sitemap's address for the page, without them: this link's own click goes first. */
if (progressBox || document.querySelector(".hig-advice")) {
  document.querySelectorAll("a.md-select__link").forEach(function (a) {
    a.addEventListener("click", function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      location.href = a.getAttribute("href").split(/[?#]/)[0] + location.search + location.hash;
    });
  });
}

/* Reminders: a date for each step a delay counts from, kept beside the ticks. The calendar maker
   (reminders.js) is fetched on the first click, and answers that click and the later ones itself. */
if (remind) {
  var stored = load();
  dateFields.forEach(function (input) {
    var step = input.dataset.from;
    if (stored.dates[step]) input.value = stored.dates[step];
    input.addEventListener("change", function () {
      var progress = load();
      if (input.value) progress.dates[step] = input.value;
      else delete progress.dates[step];
      save(progress);
      refresh(); /* the carry-over code holds the dates too */
    });
  });
  remind.querySelector(".hig-reminders__form").hidden = false;
  var make = remind.querySelector(".hig-reminders__make");
  var fetchMaker = function () {
    make.removeEventListener("click", fetchMaker);
    loadOnce("hig-reminders-lib", REMINDERS_SCRIPT, SCRIPT_SRC, null);
  };
  make.addEventListener("click", fetchMaker);
}

refresh();
window.addEventListener("storage", function (event) { if (event.key === STORAGE_KEY) refresh(); });
