/*
 * The guide's service worker: the pages a student opened read again offline. Written into the site's root as
 * sw.js by web/offline_worker.py, which puts the build's data in place of OFFLINE (below): the build's version,
 * the theme's files, the folders never kept (search) and, per language, the page shown for a page never opened.
 *
 * Kept: each page opened (the first one too, open when the worker starts), a path page in every language, the
 * theme's files, each PDF opened. Pages come from the network first, so a reader online always gets today's
 * guide; the copy is the fallback. A new build is a new version: the new worker refreshes every page the old
 * one kept, drops the old copy and tells the open pages once. Nothing is ever fetched from another host.
 */
"use strict";

var OFFLINE = {};
var CACHE = "hig-" + OFFLINE.version;
var ROOT = self.registration.scope;

/* The address a page is kept under: no query, no anchor (?bank=no shows the same page). */
function key(url) {
  var u = new URL(url);
  return u.origin + u.pathname;
}

function ours(url) {
  return url.indexOf(ROOT) === 0 && !OFFLINE.skip.some(function (p) { return url.indexOf(ROOT + p) === 0; });
}

/* The language of an address: the one whose folder it is in (the default language's has no prefix). */
function language(url) {
  var rest = url.slice(ROOT.length);
  return OFFLINE.languages.filter(function (l) { return l.prefix && rest.indexOf(l.prefix) === 0; })[0] ||
    OFFLINE.languages[0];
}

/* A path page in every language: the same address in each language's folder. */
function withLanguages(url) {
  var rest = url.slice(ROOT.length).slice(language(url).prefix.length);
  if (rest.indexOf(OFFLINE.paths) !== 0) return [url];
  return OFFLINE.languages.map(function (l) { return ROOT + l.prefix + rest; });
}

function keep(cache, urls) {
  return Promise.all(urls.filter(ours).map(function (url) {
    /* Asked of the site, not of the browser's HTTP cache, which may hold the old build for a while. */
    return fetch(url, { cache: "no-cache" }).then(function (r) { if (r.ok) return cache.put(key(url), r); }, function () {});
  }));
}

/* Each of `urls` (and a path page's other languages) that the copy does not hold yet. */
function keepMissing(urls) {
  return caches.open(CACHE).then(function (cache) {
    var all = [].concat.apply([], urls.filter(ours).map(function (u) { return withLanguages(key(u)); }));
    return Promise.all(all.map(function (u) { return cache.match(u); })).then(function (found) {
      return keep(cache, all.filter(function (u, i) { return !found[i]; }));
    });
  });
}

var untold = false; /* a new version replaced the old one, and no page has said so yet */
var activated;
var whenActivated = new Promise(function (resolve) { activated = resolve; });

/* Done once this worker is active: a page that asks for news while it is still activating waits for it. */
function ready() {
  var active = self.registration.active;
  return active && active.state === "activated" ? Promise.resolve() : whenActivated;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return keep(cache, OFFLINE.shell.map(function (path) { return ROOT + path; }));
  }).then(function () { return self.skipWaiting(); }));
});

/* A new version: every page the old copy held, fetched again; the old copy gone; the open pages told once. */
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf("hig-") === 0 && n !== CACHE; });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (c) { return c.keys(); }).then(function (requests) {
        return caches.open(CACHE).then(function (cache) {
          return keep(cache, requests.map(function (r) { return r.url; }));
        });
      }).then(function () { return caches.delete(name); });
    })).then(function () {
      untold = old.length > 0;
      return self.clients.claim();
    }).then(function () {
      /* The pages open now: on a first visit, loaded before this worker ran. */
      return self.clients.matchAll({ type: "window", includeUncontrolled: true });
    }).then(function (open) {
      return keepMissing(open.map(function (c) { return c.url; }));
    }).then(activated, activated);
  }));
});

/* A page (assets/offline.js) asks what to say: its language's words, and whether the guide was just updated. */
self.addEventListener("message", function (event) {
  if (!event.source || !event.data || !event.data.hello) return;
  var source = event.source;
  var words = language(source.url);
  event.waitUntil(ready().then(function () {
    source.postMessage({ offline: words.offline, updated: untold ? words.updated : "" });
    untold = false;
  }));
});

/* The page for an address never opened, in the language of its folder. */
function notKept(url) {
  return new Response(language(url).html.split("{root}").join(ROOT), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'"
    }
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) {
          return cache.put(key(request.url), copy);
        }).then(function () { return keepMissing([request.url]); }));
      }
      return response;
    }, function () {
      return caches.match(key(request.url)).then(function (kept) { return kept || notKept(request.url); });
    }));
    return;
  }
  event.respondWith(caches.match(key(request.url)).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok && response.type === "basic") {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key(request.url), copy); }));
      }
      return response;
    });
  }));
});
