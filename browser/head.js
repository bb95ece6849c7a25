/* Inlined in every page's head (overrides/partials/hig-head.html), run before the page is painted, so that
   nothing moves once it is:
   - the page is marked as scripted, so that the checklist's controls take their place at once;
   - on a route page, as the browser reads it: the progress box says where the student is as soon as its last
     line (.hig-progress__saved) is read, since a slow phone may paint it before the steps arrive; finished and
     not-yet-started steps are folded, the step in progress stays open, and the advice for the answers given on
     the home page shows. A MutationObserver sees each element as it is parsed, before paint;
   - once the page has loaded, the guide's service worker registered (sw.js, offline after the first visit); on
     a page it already serves, or the privacy page, assets/offline.js is loaded (what the page says offline).
   STORAGE_KEY is set by the build (web/scripts.py) from render/site.py. */
import { foldStep, showProgress } from "./lib/progress.js";
import { readProgress } from "./lib/saved.js";
import { localStore } from "./lib/storage.js";

var doc = document;
doc.documentElement.classList.add("hig-js");

var workers = navigator.serviceWorker;
if (workers && location.protocol !== "file:") {
  addEventListener("load", function () {
    var notice = doc.querySelector(".hig-connection");
    if (!notice) return;
    workers.register(notice.dataset.worker).catch(function () {});
    if (workers.controller || doc.querySelector(".hig-offline-remove")) {
      var script = doc.createElement("script");
      script.src = notice.dataset.script;
      doc.head.appendChild(script);
    }
  });
}

if (window.MutationObserver) {
  var ticks = null;
  var state = {};
  var query = location.search;
  var read = function () { /* read once, as stored (checklist.js writes, and brings an older entry up to date) */
    if (!ticks) ticks = (readProgress(STORAGE_KEY, localStore) || { ticks: {} }).ticks;
    return ticks;
  };
  var seen = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (el) {
        if (el.nodeType !== 1) return;
        if (el.matches(".hig-advice[data-advice]") && query) {
          new URLSearchParams(query).forEach(function (value, key) {
            if (el.dataset.advice === key + "=" + value) el.hidden = false;
          });
        } else if (el.matches(".hig-progress__saved")) {
          var box = el.closest(".hig-progress[data-steps]");
          if (box) showProgress(box, read());
        } else if (el.matches("details.hig-step__body[data-tasks]")) {
          foldStep(el, read(), state, location.hash);
        }
      });
    });
  });
  seen.observe(doc.documentElement, { childList: true, subtree: true });
  doc.addEventListener("DOMContentLoaded", function () { seen.disconnect(); });
}
