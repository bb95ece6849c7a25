/* What a page says offline, loaded by the head script (head.js) on a page the guide's service worker (sw.js)
   already serves, and on the privacy page: that the page is read offline and what then does not work, or once
   that the guide was updated, in the words the worker holds for the page's language; and the privacy page's
   button that removes what was kept. */

var note = document.querySelector(".hig-connection");
var worker = navigator.serviceWorker;
var words = null;

function say(text) {
  note.textContent = text;
  note.hidden = false;
}

function connection() {
  if (!words) return;
  if (!navigator.onLine) say(words.offline);
  else if (note.textContent === words.offline) note.hidden = true;
}

function hello() {
  if (worker.controller) worker.controller.postMessage({ hello: true });
}

/* The privacy page's button: the worker and every copy it kept, gone. */
function offerRemoval(remove) {
  remove.hidden = false;
  remove.addEventListener("click", function () {
    worker.getRegistrations().then(function (all) {
      return Promise.all(all.map(function (r) { return r.unregister(); }));
    }).then(function () {
      return caches.keys();
    }).then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("hig-") === 0; }).map(function (n) {
        return caches.delete(n);
      }));
    }).then(function () {
      document.querySelector(".hig-offline-remove__status").textContent = remove.dataset.removed;
    });
  });
}

if (note && worker) {
  worker.addEventListener("message", function (event) {
    if (!event.data || typeof event.data.offline !== "string") return;
    words = event.data;
    if (words.updated) say(words.updated);
    connection();
  });
  window.addEventListener("online", connection);
  window.addEventListener("offline", connection);
  hello();
  worker.addEventListener("controllerchange", hello); /* a new version took over: it may have news */
  var remove = document.querySelector(".hig-offline-remove");
  if (remove && window.caches) offerRemoval(remove);
}
