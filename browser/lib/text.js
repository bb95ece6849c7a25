/* Texts the pages hand to the scripts, in the page's language, as data-* attributes. */

var rules = typeof Intl !== "undefined" && Intl.PluralRules ? {} : null;

/* The label of `el` for a count `n`: data-NAME-one or data-NAME-other, as the page's language counts. */
export function plural(el, name, n) {
  var lang = (el.ownerDocument && el.ownerDocument.documentElement.lang) || "en";
  var form = "Other";
  if (rules) {
    rules[lang] = rules[lang] || new Intl.PluralRules(lang);
    if (rules[lang].select(n) === "one") form = "One";
  }
  return el.dataset[name + form] || el.dataset[name + "Other"];
}

/* `text` with each {name} replaced by values[name] (nothing for a name it does not have). */
export function format(text, values) {
  return text.replace(/\{(\w+)\}/g, function (_, key) {
    return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : "";
  });
}
