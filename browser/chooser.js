/* The home page's path chooser: the questions that apply, then a button to the matching path, whose address
   carries the answers that come with advice. Loaded only by the page that holds the chooser. */
import { format } from "./lib/text.js";

var chooser = document.querySelector(".hig-chooser");
if (chooser) {
  var rules = JSON.parse(chooser.dataset.rules);
  var result = chooser.querySelector(".hig-chooser__result");
  var goTemplate = chooser.dataset.go;
  var matching = function (answers) {
    return rules.filter(function (rule) {
      return Object.keys(rule.answers).every(function (q) { return answers[q] === rule.answers[q]; });
    });
  };
  var update = function () {
    var answers = {};
    chooser.querySelectorAll("fieldset[data-question]").forEach(function (set) {
      var askIf = JSON.parse(set.dataset.askIf);
      var askFor = JSON.parse(set.dataset.askFor || "[]");
      var asked = Object.keys(askIf).every(function (q) { return answers[q] === askIf[q]; });
      if (asked && askFor.length) {
        /* asked only of the situations whose path the answer changes, once the answers name one */
        var found = matching(answers);
        asked = found.length === 1 && askFor.indexOf(found[0].id) >= 0;
      }
      set.hidden = !asked;
      if (!asked) return;
      var picked = set.querySelector("input:checked");
      if (picked) answers[set.dataset.question] = picked.value;
    });
    var matches = matching(answers);
    result.textContent = "";
    if (matches.length === 1) {
      var source = document.querySelector('a[data-profile="' + matches[0].id + '"]');
      var link = document.createElement("a");
      /* Answers that come with advice travel to the path page, which shows that advice. */
      var query = [];
      chooser.querySelectorAll("fieldset[data-advice]").forEach(function (set) {
        var q = set.dataset.question;
        if (!set.hidden && answers[q]) query.push(encodeURIComponent(q) + "=" + encodeURIComponent(answers[q]));
      });
      link.href = source.getAttribute("href") + (query.length ? "?" + query.join("&") : "");
      link.className = "md-button md-button--primary";
      link.textContent = format(goTemplate, { name: source.textContent });
      result.appendChild(link);
    }
  };
  chooser.addEventListener("change", update);
  update();
  /* Back (from the back-forward cache, or a reload that restores the answers): the follow-up questions and
     the button come back with the answers. */
  window.addEventListener("pageshow", update);
}
