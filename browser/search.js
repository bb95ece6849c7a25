/* The search page (macros/search/search.html): the words of ?q= (which every page's search field sends) looked
   up in this language's index, built with the site by Pagefind, which picks the index of the page's
   <html lang>; when it has nothing, in the other languages' indexes, each result shown in its own language.
   Nothing is fetched before the first search. The results are the site's own pages; their titles and
   excerpts are copied as text, with <mark> kept for the words found. */
import { format, plural } from "./lib/text.js";

var d = document;
var form = d.querySelector(".hig-search-page__form");
var field, status, list, elsewhere, others, bundle; /* set below, on the search page */
var instances = {};
var loading = null;
var current = 0;

function pagefind() {
  if (!loading) {
    loading = import(bundle.href).then(function (pf) {
      // The results' addresses are below the site's root, wherever the site is published.
      return pf.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24 }).then(function () { return pf; });
    });
    loading.catch(function () { loading = null; });  // a later search tries again
  }
  return loading;
}

/* Another language's index. Pagefind takes an instance's language from <html lang> as the instance is
   made, so the attribute names that language for that synchronous moment only (nothing is drawn meanwhile). */
function instance(lang) {
  if (!instances[lang]) {
    instances[lang] = pagefind().then(function (pf) {
      var root = d.documentElement;
      var own = root.getAttribute("lang");
      root.setAttribute("lang", lang);
      try {
        return pf.createInstance({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24 });
      } finally {
        root.setAttribute("lang", own);
      }
    });
    instances[lang].catch(function () { delete instances[lang]; });
  }
  return instances[lang];
}

/* A word as compared here: lower case, without accents or punctuation. */
function bare(word) {
  return word.normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}

/* Pagefind answers a word it does not know with the index's words that begin it ("account" finds "à"). A
   page counts as found when a word it marks begins like a word searched for (its first four letters). A
   marked piece of text may hold several words ("<b>alert(1)</b>"): each is compared. */
function matches(page, terms) {
  var marked = [];
  (page.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (m) {
    marked = marked.concat(m.slice(6, -7).split(/[^\p{L}\p{N}]+/u).map(bare).filter(Boolean));
  });
  return terms.some(function (term) {
    var start = term.slice(0, 4);
    return marked.some(function (word) { return word.slice(0, start.length) === start; });
  });
}

function found(search, query) {
  var terms = query.split(/\s+/).map(bare).filter(Boolean);
  return search.then(function (result) { return Promise.all(result.results.map(function (r) { return r.data(); })); })
    .then(function (pages) { return pages.filter(function (page) { return matches(page, terms); }); });
}

/* Nothing in this language: the other languages' pages, under a heading in their own words. */
function searchElsewhere(query, mine) {
  return Promise.all(others.map(function (other) {
    return instance(other.lang).then(function (pf) { return found(pf.search(query), query); })
      .then(function (pages) { return { other: other, pages: pages }; }, function () { return { other: other, pages: [] }; });
  })).then(function (sets) {
    if (mine !== current) return false;
    var any = false;
    sets.forEach(function (set) {
      if (!set.pages.length) return;
      any = true;
      var heading = d.createElement("h2");
      heading.lang = set.other.lang;
      heading.textContent = set.other.heading;
      var ol = d.createElement("ol");
      ol.className = "hig-search-page__results";
      ol.lang = set.other.lang;
      set.pages.forEach(function (page) { ol.appendChild(item(page)); });
      elsewhere.appendChild(heading);
      elsewhere.appendChild(ol);
    });
    return any;
  });
}

function excerpt(html) {
  var p = d.createElement("p");
  // An inert document: nothing in it runs or loads. Only its text and its <mark>s are copied.
  var parsed = new DOMParser().parseFromString("<body>" + html, "text/html");
  parsed.body.childNodes.forEach(function (node) {
    if (node.nodeName === "MARK") {
      var mark = d.createElement("mark");
      mark.textContent = node.textContent;
      p.appendChild(mark);
    } else {
      p.appendChild(d.createTextNode(node.textContent));
    }
  });
  return p;
}

function item(page) {
  var li = d.createElement("li");
  var link = d.createElement("a");
  link.className = "hig-search-page__title";
  link.href = page.url;
  link.textContent = page.meta.title;
  li.appendChild(link);
  li.appendChild(excerpt(page.excerpt));
  return li;
}

function run(query) {
  var mine = ++current;
  list.textContent = "";
  elsewhere.textContent = "";
  if (!query) {
    status.textContent = "";
    return;
  }
  status.textContent = format(form.dataset.searching, { query: query });
  found(pagefind().then(function (pf) { return pf.search(query); }), query)
    .then(function (pages) {
      if (mine !== current) return;  // a newer search is under way
      pages.forEach(function (page) { list.appendChild(item(page)); });
      if (pages.length) {
        status.textContent = format(plural(form, "results", pages.length), { count: pages.length, query: query });
        return;
      }
      return searchElsewhere(query, mine).then(function (any) {
        if (mine !== current) return;
        status.textContent = format(any ? form.dataset.noneHere : form.dataset.none, { query: query });
      });
    })
    .catch(function () {
      if (mine === current) status.textContent = form.dataset.failed;
    });
}

if (form) {
  field = form.querySelector("input[name=q]");
  status = d.querySelector(".hig-search-page__status");
  list = d.querySelector(".hig-search-page__results");
  elsewhere = d.querySelector(".hig-search-page__elsewhere");
  others = JSON.parse(form.dataset.others || "[]");
  bundle = new URL(form.dataset.bundle, location.href);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = field.value.trim();
    var address = new URL(location.href);
    if (query) address.searchParams.set("q", query);
    else address.searchParams.delete("q");
    history.replaceState(null, "", address);
    run(query);
  });

  var query = (new URLSearchParams(location.search).get("q") || "").trim();
  field.value = query;
  if (query) run(query);
  else field.focus();
}
