import { equal } from "./assert.js";
import { format, plural } from "../lib/text.js";

export function test_format_fills_the_names_it_has_and_leaves_nothing_else() {
  equal(format("{done} of {total}", { done: 3, total: 12 }), "3 of 12");
  equal(format("{missing}{toString}", {}), "");
}

export function test_plural_picks_the_label_of_the_page_language() {
  var el = document.createElement("div");
  el.dataset.countOne = "one task";
  el.dataset.countOther = "{count} tasks";
  document.documentElement.lang = "en";
  equal(plural(el, "count", 1), "one task");
  equal(plural(el, "count", 0), "{count} tasks");
  document.documentElement.lang = "fr";
  equal(plural(el, "count", 0), "one task", "French counts 0 as one");
  delete el.dataset.countOne;
  equal(plural(el, "count", 1), "{count} tasks", "other when one is missing");
}
