/* The search page (macros/search/search.html): the words of ?q= (which every page's search field sends) looked
   up in this language's index only, built with the site by Pagefind, which picks the index of the page's
   <html lang>. Nothing is fetched before the first search. The results are the site's own pages; their titles
   and excerpts are copied as text, with <mark> kept for the words found. HIG.format and HIG.plural come from
   the head script (overrides/partials/hig-head.html). */
(function (d) {
  "use strict";
  var form = d.querySelector(".hig-search-page__form");
  var H = window.HIG;
  if (!form || !H) return;
  var field = form.querySelector("input[name=q]");
  var status = d.querySelector(".hig-search-page__status");
  var list = d.querySelector(".hig-search-page__results");
  var bundle = new URL(form.dataset.bundle, location.href);
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
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = H.format(form.dataset.searching, { query: query });
    pagefind()
      .then(function (pf) { return pf.search(query); })
      .then(function (found) { return Promise.all(found.results.map(function (r) { return r.data(); })); })
      .then(function (pages) {
        if (mine !== current) return;  // a newer search is under way
        pages.forEach(function (page) { list.appendChild(item(page)); });
        var text = pages.length ? H.plural(form, "results", pages.length) : form.dataset.none;
        status.textContent = H.format(text, { count: pages.length, query: query });
      }, function () {
        if (mine === current) status.textContent = form.dataset.failed;
      });
  }

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
})(document);
